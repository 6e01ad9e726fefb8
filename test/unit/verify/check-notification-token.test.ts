// Check notification-token: X-A2A-Notification-Token, or Authorization credentials (A2A v1.0).
import { describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/model';
import { verifyCapture, type RegisteredTokens } from '../../../shared/verify/index';
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

describe('notification-token with tokens Switchboard registered per task', () => {
  const perTask = testSecret('task-token');
  const registry: RegisteredTokens = {
    find: (t) =>
      t === perTask
        ? { taskId: 'task-1', configId: 'cfg-1' }
        : t === 'pending-token'
          ? { taskId: null, configId: null }
          : null,
    countForTask: (taskId) => (taskId === 'task-1' ? 1 : 0),
  };
  const check = async (presented: string, taskId: string | null, configured = '') => {
    const checks = await verifyCapture(
      inputWith([['X-A2A-Notification-Token', presented]], '{}', { taskId }),
      settingsWith({ notificationToken: configured }),
      { ...memoryContext(), registeredTokens: registry },
    );
    return checks.find((c) => c.id === 'notification-token')!;
  };

  it('passes the token registered for this task and says which one matched', async () => {
    const c = await check(perTask, 'task-1');
    expect(c.status).toBe('pass');
    expect(c.detail).toBe(
      'The token in X-A2A-Notification-Token equals the token Switchboard registered for this task ("task-1") (push config cfg-1).',
    );
  });

  it("fails another task's token with that reason", async () => {
    const c = await check(perTask, 'task-2');
    expect(c.status).toBe('fail');
    expect(c.detail).toContain('registered for task "task-1" (push config cfg-1)');
    expect(c.detail).toContain('this notification is about task "task-2"');
  });

  it('passes a token registered with a message whose task was not named yet', async () => {
    const c = await check('pending-token', 'task-9');
    expect(c.status).toBe('pass');
    expect(c.detail).toMatch(/had not named the task yet/);
  });

  it('still accepts the configured token, and names both when neither matches', async () => {
    expect((await check(token, 'task-1', token)).detail).toMatch(/configured notification token/);
    const c = await check('test-wrong', 'task-1', token);
    expect(c.status).toBe('fail');
    expect(c.detail).toContain(
      'does not equal the token Switchboard registered for task "task-1" or the configured notification token',
    );
    expect(c.diagnosis).toMatchObject({ registeredForTask: '1' });
    expect(c.detail).not.toContain(perTask);
  });

  it('fails a wrong token for a task with registered tokens even with no token configured', async () => {
    const c = await check('test-wrong', 'task-1');
    expect(c.status).toBe('fail');
    expect(c.diagnosis).not.toHaveProperty('configuredLength');
    expect((await check('test-wrong', 'task-7')).status).toBe('skip');
  });
});

describe("notification-token with a push config's Authorization credential", () => {
  const tokenOf1 = testSecret('task-token');
  const credOf1 = testSecret('task-credential');
  const credOf2 = testSecret('other-credential');
  const registry: RegisteredTokens = {
    find: (t) =>
      t === tokenOf1
        ? { taskId: 'task-1', configId: null, kind: 'token' }
        : t === credOf1
          ? { taskId: 'task-1', configId: null, kind: 'authorization' }
          : t === credOf2
            ? { taskId: 'task-2', configId: null, kind: 'authorization' }
            : null,
    countForTask: (taskId) => (taskId === 'task-1' ? 2 : taskId === 'task-2' ? 1 : 0),
  };
  const check = async (headers: HeaderPair[], taskId = 'task-1') => {
    const checks = await verifyCapture(
      inputWith(headers, '{}', { taskId }),
      settingsWith({ notificationToken: '' }),
      { ...memoryContext(), registeredTokens: registry },
    );
    return checks.find((c) => c.id === 'notification-token')!;
  };

  it('passes Authorization: Bearer <credential registered for this task> and says so', async () => {
    const c = await check([['Authorization', `Bearer ${credOf1}`]]);
    expect(c.status).toBe('pass');
    expect(c.detail).toBe(
      `The credential in Authorization (Bearer scheme) equals the Authorization credential Switchboard registered in the push config's authentication for this task ("task-1").`,
    );
    expect(c.detail).not.toContain(credOf1);
  });

  it("fails another task's credential, alone or beside a valid token header", async () => {
    const alone = await check([['Authorization', `Bearer ${credOf2}`]]);
    expect(alone.status).toBe('fail');
    expect(alone.detail).toContain('for task "task-2"');
    expect(alone.detail).toContain('this notification is about task "task-1"');
    const both = await check([
      ['X-A2A-Notification-Token', tokenOf1],
      ['Authorization', `Bearer ${credOf2}`],
    ]);
    expect(both.status).toBe('fail');
    expect(both.detail).toContain('Authorization credential Switchboard registered');
  });

  it('names both when the token header and the credential are right', async () => {
    const c = await check([
      ['X-A2A-Notification-Token', tokenOf1],
      ['Authorization', `Bearer ${credOf1}`],
    ]);
    expect(c.status).toBe('pass');
    expect(c.detail).toContain('The token in X-A2A-Notification-Token equals the token');
    expect(c.detail).toContain('The credential in Authorization (Bearer scheme) equals');
  });

  it('a credential unknown to Switchboard fails for a task with registrations', async () => {
    const c = await check([['Authorization', `Bearer ${'0'.repeat(32)}`]]);
    expect(c.status).toBe('fail');
  });
});
