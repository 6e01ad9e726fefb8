// verifyCapture and verdictOf: one check per id in CHECK_IDS order, verdict rules, robustness.
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, type Check } from '../../../shared/model';
import { verdictOf, verifyCapture } from '../../../shared/verify/index';
import {
  NOW_SEC,
  inputWith,
  memoryContext,
  nodeHmacHex,
  settingsWith,
  testSecret,
} from './verify-helpers';

const check = (status: Check['status']): Check => ({ id: 'jwt', status, detail: '' });

describe('verifyCapture', () => {
  it('returns one check per CheckId in CHECK_IDS order, all skipped for a bare request', async () => {
    const checks = await verifyCapture(inputWith([]), settingsWith(), memoryContext());
    expect(checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    expect(checks.every((c) => c.status === 'skip' && c.detail.length > 10)).toBe(true);
    expect(verdictOf(checks)).toBe('unverified');
  });

  it('is valid for a signed, fresh tutorial-style request', async () => {
    const secret = testSecret();
    const body = '{"status": "completed", "taskId": "t-1"}';
    const headers: [string, string][] = [
      ['X-A2A-Signature', `sha256=${nodeHmacHex(secret, body)}`],
      ['X-A2A-Timestamp', String(NOW_SEC)],
    ];
    const checks = await verifyCapture(
      inputWith(headers, body),
      settingsWith({ webhookSecret: secret }),
      memoryContext(),
    );
    expect(checks.filter((c) => c.status === 'pass').map((c) => c.id)).toEqual([
      'hmac-sha256',
      'timestamp',
    ]);
    expect(verdictOf(checks)).toBe('valid');
  });

  it('turns a throwing hook into a failed check instead of rejecting', async () => {
    const headers: [string, string][] = [
      [
        'Authorization',
        `Bearer ${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"jti":"j"}').toString('base64url')}.x`,
      ],
    ];
    const ctx = {
      rememberJti: (): number | null => {
        throw new Error('store is closed');
      },
    };
    const checks = await verifyCapture(inputWith(headers), settingsWith(), ctx);
    expect(checks.find((c) => c.id === 'jti-replay')).toEqual({
      id: 'jti-replay',
      status: 'fail',
      detail: 'This check could not run: store is closed.',
    });
    expect(checks).toHaveLength(CHECK_IDS.length);
  });
});

describe('verdictOf', () => {
  it('is invalid on any failure, valid with a pass and no failure, else unverified', () => {
    expect(verdictOf([check('pass'), check('fail')])).toBe('invalid');
    expect(verdictOf([check('skip'), check('fail')])).toBe('invalid');
    expect(verdictOf([check('pass'), check('skip')])).toBe('valid');
    expect(verdictOf([check('skip')])).toBe('unverified');
    expect(verdictOf([])).toBe('unverified');
  });
});
