import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CSP, META_CSP, isAppUrl, isSafeExternalUrl } from '../../../electron/security';

describe('isSafeExternalUrl', () => {
  it.each(['https://a2a-protocol.org/latest/', 'http://example.com/x?y=1'])('allows %s', (u) => {
    expect(isSafeExternalUrl(u)).toBe(true);
  });
  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'vscode://x',
    'app://switchboard/index.html',
    'https://user:pw@example.com/',
    'not a url',
    'https://' + 'a'.repeat(3000) + '.com',
  ])('refuses %s', (u) => {
    expect(isSafeExternalUrl(u)).toBe(false);
  });
});

describe('isAppUrl and CSP', () => {
  it('accepts only our own origin', () => {
    expect(isAppUrl('app://switchboard/index.html')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://switchboard/')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });
  it('has no inline script or remote sources', () => {
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe');
  });
  it('is the same policy in the header and in the built page', () => {
    expect(CSP.startsWith(META_CSP)).toBe(true);
    // The build's meta tag takes it from here: no second policy string in the vite config.
    const vite = readFileSync('vite.config.ts', 'utf8');
    expect(vite).toContain('META_CSP');
    expect(vite).not.toContain('default-src');
  });
});
