// The A2A client through browser mode's HTTP binding (routes derived from shared/api/agents.ts),
// against the tutorial's Long-Running demo agent: add by URL, send a long task with push in the
// tutorial dialect, disconnect, and see the HMAC-signed webhook land on the same timeline with
// a valid verdict. Also the JSON error format of agent errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoAgent, type RunningDemoAgent } from '../../electron/engine/demo/start-agents';
import type { AgentView, SendResult, Timeline, WireExchange } from '../../shared/api/agents';
import { startTestEngine, startTestServe, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let ui: Awaited<ReturnType<typeof startTestServe>>;
let demo: RunningDemoAgent;

beforeAll(async () => {
  t = await startTestEngine();
  ui = await startTestServe(t);
  const secrets = () => {
    const s = t.engine.context.settings.get();
    return { webhookSecret: s.webhookSecret, jwtSecret: s.jwtSecret };
  };
  demo = await startDemoAgent('long', { port: 0, speed: 50, secrets });
});
afterAll(async () => {
  await demo.close();
  await ui.close();
  await t.cleanup();
});

async function api<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T }> {
  const res = await fetch(`${ui.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ui.token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

describe('A2A over the local HTTP API with the tutorial demo agent', () => {
  it('adds the agent, streams a long task with tutorial push, disconnects, gets the signed webhook', async () => {
    const added = await api<AgentView>('POST', '/api/agents', {
      url: demo.url,
      pushDialect: 'tutorial',
      protocolVersion: '0.3',
    });
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({
      protocolVersion: '0.3',
      pushDialect: 'tutorial',
      validation: { valid: true },
    });
    expect(added.json.card).toMatchObject({ name: 'Long-Running Task Agent' });
    const list = await api<AgentView[]>('GET', '/api/agents');
    expect(list.json.map((a) => a.id)).toEqual([added.json.id]);

    const sent = await api<SendResult>('POST', `/api/agents/${added.json.id}/messages`, {
      text: 'Run a long machine learning task',
      stream: true,
      push: true,
    });
    expect(sent.status).toBe(200);
    const taskId = sent.json.taskId!;
    expect(taskId).toBeTruthy();
    await waitFor(
      async () =>
        (await api<Timeline>('GET', `/api/tasks/${taskId}/timeline`)).json.events.some((e) =>
          /Step|step|%/.test(e.text ?? ''),
        ),
      { what: 'progress' },
    );
    const dis = await api<{ disconnected: boolean }>('POST', `/api/tasks/${taskId}/disconnect`, {});
    expect(dis.json.disconnected).toBe(true);

    const tl = await waitFor(
      async () => {
        const x = (await api<Timeline>('GET', `/api/tasks/${taskId}/timeline`)).json;
        // Verification may land just after the capture row: wait for the verdict.
        return x.events.some((e) => e.source === 'webhook' && e.verdict !== 'unverified')
          ? x
          : null;
      },
      { timeoutMs: 20_000, what: 'tutorial webhook on the timeline' },
    );
    const hook = tl.events.find((e) => e.source === 'webhook')!;
    expect(hook).toMatchObject({ verdict: 'valid', state: 'completed' });
    expect(tl.task?.push?.dialect).toBe('tutorial');

    const wire = await api<WireExchange[]>('GET', `/api/wire?taskId=${taskId}&frames=true`);
    const streamEx = wire.json.find((w) => w.rpcMethod === 'message/stream')!;
    expect(streamEx.frames!.length).toBeGreaterThan(1);
    // The HMAC secret travels in the tutorial dialect's body but never reaches the wire log.
    const secret = t.engine.context.settings.get().webhookSecret;
    expect(streamEx.requestBody).toContain('«redacted»');
    expect(JSON.stringify(wire.json)).not.toContain(secret);
  });

  it('answers agent errors as JSON with a code and a sentence', async () => {
    const bad = await api<{ error: { code: string } }>('POST', '/api/agents', { url: 'not a url' });
    expect(bad.status).toBe(400);
    const missing = await api<{ error: { code: string; message: string } }>(
      'POST',
      '/api/tasks/nope/cancel',
      {},
    );
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('task_not_found');
  });
});
