// The agent report's judges on hand-built scenario results: each failure branch names its
// reason (waits that do not grow, a Retry-After not honoured, endless retries, a retried 400,
// a long-lived or reused or unbound JWT) and the passing branches that real agents in
// test/integration/agent-report.test.ts do not reach (a timeout retried).
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Check, CaptureDetail } from '../../../shared/model';
import { judgeAuth } from '../../../electron/engine/agent-report/judge-auth';
import { judgeFailure } from '../../../electron/engine/agent-report/judge-failures';
import { judgeUrlPolicy } from '../../../electron/engine/agent-report/judge-hygiene';
import type { Hook, ScenarioResult } from '../../../electron/engine/agent-report/scenario';
import { waitsFor } from '../../../electron/engine/agent-report/scenarios';

const TASK = 'task-1';
let nextId = 1;

function hook(at: number, status: number, body = 'b1', extra: Partial<CaptureDetail> = {}): Hook {
  const checks: Check[] = [{ id: 'jwt', status: 'pass', detail: 'ok' }];
  return {
    capture: {
      id: nextId++,
      receivedAt: at,
      method: 'POST',
      path: '/p',
      taskId: TASK,
      verdict: 'valid',
      size: 1,
      contentType: 'application/json',
      source: 'receiver',
      headers: [],
      query: '',
      remoteAddress: '127.0.0.1',
      checks,
      responseStatus: status,
      answeredBy: null,
      ...extra,
    },
    bodyHash: body,
    body: { taskId: TASK, status: 'completed' },
    state: 'completed',
    taskId: TASK,
  };
}

function result(name: string, hooks: Hook[], timedOut = false): ScenarioResult {
  return {
    spec: { name, dialect: 'tutorial', settled: () => true },
    path: '/p',
    taskId: TASK,
    error: null,
    hooks,
    startedAt: 0,
    timedOut,
    streamStates: [],
  };
}

const w = waitsFor(1);
const one = (r: ScenarioResult) => judgeFailure(r, w, 1);

describe('agent report judges', () => {
  it('retries: waits that do not grow fail the backoff check', () => {
    const [retry, backoff] = one(
      result('retry-500', [hook(0, 500), hook(1000, 500), hook(1500, 200)]),
    );
    expect(retry).toMatchObject({ status: 'pass', timingsMs: [1000, 500] });
    expect(backoff).toMatchObject({ status: 'fail', why: 'waits do not grow: 1000 ms, 500 ms' });
  });

  it('a retry sooner than Retry-After fails; one after it passes', () => {
    expect(one(result('retry-after', [hook(0, 503), hook(1000, 200)]))[0]).toMatchObject({
      status: 'fail',
      why: 'retried after 1000 ms although Retry-After asked 3000 ms',
    });
    expect(one(result('retry-after', [hook(0, 503), hook(3100, 200)]))[0]!.status).toBe('pass');
  });

  it('more than 10 attempts against a failing receiver, or still retrying at the end, fail', () => {
    const many = Array.from({ length: 11 }, (_, i) => hook(i * 10, 500));
    expect(one(result('give-up', many))[0]!.why).toMatch(/^11 attempts/);
    expect(one(result('give-up', [hook(0, 500), hook(10, 500)], true))[0]!.why).toMatch(
      /still retrying/,
    );
    expect(one(result('give-up', [hook(0, 500), hook(10, 500)]))[0]!.status).toBe('pass');
  });

  it('a retried 400 fails; a timeout retried passes', () => {
    expect(one(result('client-error', [hook(0, 400), hook(1000, 400)]))[0]!.why).toMatch(
      /a 400 is a permanent refusal/,
    );
    expect(one(result('timeout', [hook(0, 200), hook(12_000, 200)]))[0]).toMatchObject({
      status: 'pass',
      timingsMs: [12_000],
    });
  });

  it('JWT: a long lifetime, a reused jti and no task binding are each named', async () => {
    const key = new TextEncoder().encode('k'.repeat(32));
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ jti: 'same' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('i')
      .setAudience('a')
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key);
    const headers: [string, string][] = [['Authorization', `Bearer ${jwt}`]];
    const hooks = [hook(0, 200, 'x', { headers }), hook(5, 200, 'y', { headers })];
    const checks = judgeAuth(result('delivery', hooks), new Set());
    const jwtCheck = checks.find((c) => c.id === 'auth.jwt')!;
    expect(jwtCheck.status).toBe('fail');
    expect(jwtCheck.why).toContain('lives 3600 s (over 900 s)');
    expect(jwtCheck.why).toContain('not bound to the task');
    expect(jwtCheck.why).toContain('jti reused');
    // Tutorial dialect: no token to echo, the HMAC is required (and missing here).
    expect(checks.find((c) => c.id === 'auth.token')!.status).toBe('n/a');
    expect(checks.find((c) => c.id === 'auth.hmac')).toMatchObject({
      status: 'fail',
      required: true,
    });
  });

  it('judges the push URL policy only for agents on public HTTPS', () => {
    const push = 'http://127.0.0.1:8080/p';
    const policy = (agent: string, r: ScenarioResult) => judgeUrlPolicy(r, agent, push);
    const delivered = result('delivery', [hook(1, 200)]);
    for (const local of ['http://127.0.0.1:3000', 'https://10.1.2.3', 'https://agent.local'])
      expect([local, policy(local, delivered).status]).toEqual([local, 'n/a']);
    expect(policy('http://agent.example.com', delivered).why).toMatch(/plain-HTTP address/);
    const failed = policy('https://agent.example.com', delivered);
    expect(failed).toMatchObject({ status: 'fail', required: false });
    expect(failed.why).toMatch(/accepted the loopback plain-HTTP push URL/);
    const refused = { ...result('delivery', []), error: 'push URL must be HTTPS' };
    expect(policy('https://agent.example.com', refused)).toMatchObject({ status: 'pass' });
    expect(policy('https://agent.example.com', result('delivery', [])).status).toBe('n/a');
  });
});
