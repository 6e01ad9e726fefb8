// Check jti-replay: the first capture to present a JWT id owns it; a later one is a replay.
import { describe, expect, it } from 'vitest';
import { verifyCapture, type VerifyContext } from '../../../shared/verify/index';
import {
  inputWith,
  memoryContext,
  pyJwt,
  settingsWith,
  testSecret,
  tutorialClaims,
} from './verify-helpers';

const secret = testSecret('jwt');

async function jtiCheck(token: string | null, ctx: VerifyContext) {
  const headers: [string, string][] = token ? [['Authorization', `Bearer ${token}`]] : [];
  const checks = await verifyCapture(inputWith(headers), settingsWith(), ctx);
  return checks.find((c) => c.id === 'jti-replay');
}

describe('jti-replay', () => {
  it('passes the first use and fails a replay naming the earlier capture', async () => {
    const seen = new Map<string, number>();
    const token = pyJwt(tutorialClaims('t', { jti: 'jti-123' }), secret);
    expect(await jtiCheck(token, memoryContext(41, seen))).toMatchObject({
      status: 'pass',
      detail: 'jti jti-123 is seen for the first time.',
    });
    const replay = await jtiCheck(token, memoryContext(42, seen));
    expect(replay?.status).toBe('fail');
    expect(replay?.detail).toBe('jti jti-123 was already used by capture #41 — a replayed token.');
  });

  it('passes when the same capture is verified again (re-verification)', async () => {
    const seen = new Map<string, number>();
    const token = pyJwt(tutorialClaims('t'), secret);
    await jtiCheck(token, memoryContext(7, seen));
    expect((await jtiCheck(token, memoryContext(7, seen)))?.status).toBe('pass');
  });

  it('supports an asynchronous rememberJti', async () => {
    const ctx: VerifyContext = { rememberJti: () => Promise.resolve(3) };
    expect((await jtiCheck(pyJwt(tutorialClaims('t'), secret), ctx))?.detail).toMatch(/capture #3/);
  });

  it('skips without a JWT or without a jti claim, and never records anything then', async () => {
    const recorded: string[] = [];
    const ctx: VerifyContext = { rememberJti: (jti) => (recorded.push(jti), null) };
    expect((await jtiCheck(null, ctx))?.status).toBe('skip');
    const noJti = await jtiCheck(pyJwt(tutorialClaims('t', { jti: undefined }), secret), ctx);
    expect(noJti).toMatchObject({ status: 'skip' });
    expect(noJti?.detail).toMatch(/no jti claim/);
    expect(recorded).toEqual([]);
  });

  it('fails a jti that is not a non-empty string', async () => {
    const check = await jtiCheck(pyJwt(tutorialClaims('t', { jti: 12 }), secret), memoryContext());
    expect(check?.status).toBe('fail');
  });
});
