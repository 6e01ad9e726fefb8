// The demo agents on the points the official conformance kit (a2a-tck) checks: message/send
// honours `configuration.blocking` (v0.3) and `returnImmediately` (v1.0), the input-required
// scenario pauses until the next message to the task (raw JSON-RPC and through Switchboard's
// client), and getting a push config without an id returns the task's config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import { startDemoAgent, type RunningDemoAgent } from '../../electron/engine/demo/start-agents';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let demo: RunningDemoAgent;

beforeAll(async () => {
  t = await startTestEngine();
  const secrets = () => {
    const s = t.engine.context.settings.get();
    return { webhookSecret: s.webhookSecret, jwtSecret: s.jwtSecret };
  };
  demo = await startDemoAgent('long', { port: 0, speed: 50, secrets });
});
afterAll(async () => {
  await demo.close();
  await t.cleanup();
});

type Obj = Record<string, unknown>;

async function rpc(method: string, params: Obj, v1: boolean): Promise<Obj> {
  const res = await fetch(demo.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(v1 ? { 'A2A-Version': '1.0' } : {}) },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: Obj; error?: Obj };
  if (body.error) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result!;
}

const msg03 = (text: string, taskId?: string) => ({
  kind: 'message',
  messageId: crypto.randomUUID(),
  role: 'user',
  parts: [{ kind: 'text', text }],
  ...(taskId ? { taskId } : {}),
});
const msg1 = (text: string, taskId?: string) => ({
  messageId: crypto.randomUUID(),
  role: 'ROLE_USER',
  parts: [{ text }],
  ...(taskId ? { taskId } : {}),
});
const state03 = (task: Obj) => (task['status'] as { state: string }).state;
const state1 = (r: Obj) => ((r['task'] as Obj)['status'] as { state: string }).state;

describe('message/send blocking', () => {
  it('v0.3 blocking: true waits for completion; blocking: false answers at once', async () => {
    const blocked = await rpc(
      'message/send',
      { message: msg03('Process this quickly'), configuration: { blocking: true } },
      false,
    );
    expect(state03(blocked)).toBe('completed');
    const open = await rpc(
      'message/send',
      { message: msg03('Run a long machine learning task'), configuration: { blocking: false } },
      false,
    );
    expect(['submitted', 'working']).toContain(state03(open));
    const canceled = await rpc('tasks/cancel', { id: open['id'] }, false);
    expect(state03(canceled)).toBe('canceled');
  });

  it('v1.0 blocks by default; returnImmediately: true answers at once', async () => {
    const blocked = await rpc('SendMessage', { message: msg1('Process this quickly') }, true);
    expect(state1(blocked)).toBe('TASK_STATE_COMPLETED');
    const open = await rpc(
      'SendMessage',
      {
        message: msg1('Run a long machine learning task'),
        configuration: { returnImmediately: true },
      },
      true,
    );
    expect(['TASK_STATE_SUBMITTED', 'TASK_STATE_WORKING']).toContain(state1(open));
    await rpc('CancelTask', { id: (open['task'] as Obj)['id'] }, true);
  });
});

describe('input-required scenario', () => {
  it('v1.0: pauses in input-required, the next message to the task completes it', async () => {
    const asked = await rpc('SendMessage', { message: msg1('Ask me for input') }, true);
    expect(state1(asked)).toBe('TASK_STATE_INPUT_REQUIRED');
    const task = asked['task'] as Obj;
    expect(JSON.stringify(task['status'])).toContain('Which dataset');
    const done = await rpc('SendMessage', { message: msg1('dataset A', String(task['id'])) }, true);
    expect(state1(done)).toBe('TASK_STATE_COMPLETED');
    expect(JSON.stringify((done['task'] as Obj)['artifacts'])).toContain(
      "dataset you chose: 'dataset A'",
    );
  });

  it('through Switchboard’s client (v0.3, streamed): input-required, then completed', async () => {
    const svc: AgentService = createAgentService(t.engine.context);
    try {
      const agent = await svc.handlers.addAgent({ url: demo.url, protocolVersion: '0.3' });
      const first = await svc.handlers.sendMessage({
        id: agent.id,
        text: 'Ask me for input',
        stream: true,
        push: false,
      });
      const taskId = first.taskId!;
      await waitFor(
        async () => (await svc.handlers.getTask({ taskId })).state === 'input-required',
        {
          what: 'input-required',
        },
      );
      await svc.handlers.sendMessage({
        id: agent.id,
        text: 'dataset B',
        taskId,
        stream: true,
        push: false,
      });
      await waitFor(async () => (await svc.handlers.getTask({ taskId })).state === 'completed', {
        what: 'completed after the answer',
      });
      // The first stream ends at input-required with `final: true` (legacy-final.ts): no findings.
      const tl = await svc.handlers.getTimeline({ taskId });
      expect(tl.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const paused = tl.events.find((e) => e.state === 'input-required');
      expect(paused?.final).toBe(true);
    } finally {
      await svc.stop();
    }
  });
});

describe('push config get without an id', () => {
  it('v0.3 returns the task’s config', async () => {
    const task = await rpc(
      'message/send',
      {
        message: msg03('Run a long machine learning task'),
        configuration: {
          blocking: false,
          pushNotificationConfig: {
            id: 'cfg-custom',
            url: `${t.receiverUrl}/webhook`,
            token: 'tok',
          },
        },
      },
      false,
    );
    const got = await rpc('tasks/pushNotificationConfig/get', { id: task['id'] }, false);
    expect(got).toMatchObject({
      taskId: task['id'],
      pushNotificationConfig: { id: 'cfg-custom', url: `${t.receiverUrl}/webhook` },
    });
    await rpc('tasks/cancel', { id: task['id'] }, false);
  });

  it('v1.0 returns the task’s config', async () => {
    const r = await rpc(
      'SendMessage',
      {
        message: msg1('Run a long machine learning task'),
        configuration: {
          returnImmediately: true,
          taskPushNotificationConfig: {
            id: 'cfg-v1',
            url: `${t.receiverUrl}/webhook`,
            token: 'tok',
          },
        },
      },
      true,
    );
    const taskId = String((r['task'] as Obj)['id']);
    const got = await rpc('GetTaskPushNotificationConfig', { taskId }, true);
    expect(got).toMatchObject({ id: 'cfg-v1', taskId });
    await rpc('CancelTask', { id: taskId }, true);
  });
});
