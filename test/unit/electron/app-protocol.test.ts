import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeType, resolveAppFile, responseInit } from '../../../electron/app-protocol';

const root = '/opt/switchboard/dist/renderer';

describe('resolveAppFile', () => {
  it('maps app URLs into the renderer build', () => {
    expect(resolveAppFile('app://switchboard/', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://switchboard/index.html', root)).toBe(join(root, 'index.html'));
    expect(resolveAppFile('app://switchboard/assets/index-1.js?x=1', root)).toBe(
      join(root, 'assets/index-1.js'),
    );
  });
  it.each([
    'app://switchboard/../../etc/passwd',
    'app://switchboard/%2e%2e/%2e%2e/etc/passwd',
    'app://switchboard/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret',
    'app://switchboard/%00index.html',
    'app://switchboard/%E0%A4%A',
    'app://evil/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (u) => {
    const file = resolveAppFile(u, root);
    expect(file === null || file.startsWith(root + '/')).toBe(true);
    // URL parsing already folds literal and %2e dot segments into the root; encoded slashes,
    // NULs, bad escapes, foreign hosts and schemes are refused outright.
    if (/%2f|%00|%A$|evil|^file/.test(u)) expect(file).toBeNull();
  });
});

describe('responses', () => {
  it('always carry the CSP', () => {
    expect(responseInit('/x/index.html', true).headers['Content-Security-Policy']).toContain(
      "default-src 'self'",
    );
    expect(responseInit(null, false).status).toBe(404);
    expect(mimeType('a.js')).toContain('javascript');
    expect(mimeType('a.bin')).toBe('application/octet-stream');
  });
});
