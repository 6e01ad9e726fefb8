// The UI token comes from a file or env first, so it need not appear in argv.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { accessToken } from '../../../electron/cli/serve-cli';

const dir = mkdtempSync(join(tmpdir(), 'token-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accessToken', () => {
  it('reads --token-file (trimmed), then SWITCHBOARD_TOKEN_FILE, over env and flag', () => {
    const file = join(dir, 't');
    writeFileSync(file, 'from-file-0123456789\n', { mode: 0o600 });
    expect(accessToken('flag', file, { SWITCHBOARD_TOKEN: 'env' })).toBe('from-file-0123456789');
    expect(accessToken(undefined, undefined, { SWITCHBOARD_TOKEN_FILE: file })).toBe(
      'from-file-0123456789',
    );
  });
  it('takes SWITCHBOARD_TOKEN over --token, and generates one when neither is given', () => {
    expect(accessToken('flag-token', undefined, { SWITCHBOARD_TOKEN: 'env-token' })).toBe(
      'env-token',
    );
    expect(accessToken(undefined, undefined, {})).toMatch(/^[\w-]{32}$/);
  });
  it('explains an unreadable or too short token file', () => {
    expect(() => accessToken(undefined, join(dir, 'nope'), {})).toThrow(
      /Cannot read the token file/,
    );
    const short = join(dir, 's');
    writeFileSync(short, 'abc');
    expect(() => accessToken(undefined, short, {})).toThrow(/shorter than 16/);
  });
});
