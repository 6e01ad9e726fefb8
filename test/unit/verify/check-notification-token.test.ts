// Check notification-token: X-A2A-Notification-Token, or Authorization credentials (A2A v1.0).
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/model';
import { verifyCapture } from '../../../shared/verify/index';
import {
  inputWith,
  memoryContext,
  pyJwt,
  settingsWith,
  testSecret,
  tutorialClaims,
} from './verify-helpers';

const token = testSecret('token');

async function tokenCheck(headers: HeaderPair[], notificationToken = token) {
  const checks = await verifyCapture(
    inputWith(headers),
    settingsWith({ notificationToken }),
    memoryContext(),
  );
  return checks.find((c) => c.id === 'notification-token');
}

describe('notification-token', () => {
  it('passes X-A2A-Notification-Token equal to the configured token', async () => {
    const check = await tokenCheck([['x-a2a-notification-token', token]]);
    expect(check).toMatchObject({ status: 'pass' });
  });

  it('passes A2A v1.0 Authorization credentials after any scheme', async () => {
    expect((await tokenCheck([['Authorization', `Bearer ${token}`]]))?.status).toBe('pass');
    const custom = await tokenCheck([['Authorization', `Token ${token}`]]);
    expect(custom?.detail).toBe(
      'The token in Authorization (Token scheme) equals the configured notification token.',
    );
  });

  it('prefers the token header over Authorization credentials', async () => {
    const check = await tokenCheck([
      ['Authorization', 'Basic dXNlcjpwYXNz'],
      ['X-A2A-Notification-Token', token],
    ]);
    expect(check?.status).toBe('pass');
  });

  it('fails a different token without revealing the configured one', async () => {
    const check = await tokenCheck([['X-A2A-Notification-Token', 'test-wrong-token']]);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toMatch(/does not equal the configured notification token/);
    expect(check?.detail).not.toContain(token);
    expect(check?.diagnosis).toEqual({
      presentedLength: '16',
      configuredLength: String(token.length),
    });
  });

  it('leaves a Bearer JWT to the jwt check', async () => {
    const jwt = pyJwt(tutorialClaims('t'), testSecret('jwt'));
    const check = await tokenCheck([['Authorization', `Bearer ${jwt}`]]);
    expect(check?.status).toBe('skip');
    expect(check?.detail).toMatch(/carries a JWT/);
  });

  it('skips with no token presented, and names the setting when none is configured', async () => {
    expect((await tokenCheck([]))?.status).toBe('skip');
    const unconfigured = await tokenCheck([['X-A2A-Notification-Token', token]], '');
    expect(unconfigured?.status).toBe('skip');
    expect(unconfigured?.detail).toContain('"notificationToken"');
  });
});
