// Task state from verified webhooks (issue 14), against the real demo Long-Running agent and the
// real receiver: start a long task with push (tutorial dialect), disconnect, and the completion
// webhook alone moves the task to completed and fetches it once (tasks/get with its artifact on
// the timeline). A forged webhook never changes a task's state. Also: the demo agents' attempt
// number and the receiver's answer on webhook rows, the Captures task-id prefix filter, restart
// keeping the port, and discovery of demo agents on non-default ports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_FETCH_NOTE } from '../../electron/engine/a2a/webhook-follow';
import type { EngineHandlers } from '../../shared/api';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { tutorialWebhook } from '../helpers/tutorial-webhook';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let h: EngineHandlers;
let agentId: number;
let agentUrl: string;

beforeAll(async () => {
  t = await startTestEngine();
  h = t.engine.handlers;
  const demo = await h.startDemoAgent({ name: 'long', port: 0, speed: 50 });
  agentUrl = demo.url!;
  const agent = await h.addAgent({ url: agentUrl, pushDialect: 'tutorial' });
  agentId = agent.id;
});
afterAll(async () => {
  await t.cleanup();
});

const post = (w: { body: string; headers: Record<string, string> }) =>
  fetch(`${t.receiverUrl}/webhook`, { method: 'POST', headers: w.headers, body: w.body });

describe('webhook follow', () => {
  it('a disconnected task completes from its verified webhook and is fetched once', async () => {
    const sent = await h.sendMessage({
      id: agentId,
      text: 'Run a long task',
      stream: true,
      push: true,
    });
    const taskId = sent.taskId!;
    await h.disconnectTask({ taskId });
    await waitFor(async () => (await h.getTask({ taskId })).state === 'completed', {
      what: 'completed from the webhook',
      timeoutMs: 20_000,
    });
    // One fetch, or two when the first answer raced the agent's own completion.
    const fetchedRow = await waitFor(
      async () =>
        (await h.getTimeline({ taskId })).events.findLast(
          (e) => e.note === AUTO_FETCH_NOTE && e.state === 'completed',
        ),
      { what: 'the automatic tasks/get row, completed' },
    );
    expect(fetchedRow.source).toBe('stream');
    expect(fetchedRow.text).toContain('long_task_result: ✅ Long-running task completed!');
    const tl = await h.getTimeline({ taskId });
    const hooks = tl.events.filter((e) => e.source === 'webhook');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ verdict: 'valid', state: 'completed', attempt: 1 });
    expect(hooks[0]!.responseStatus).toBe(200);

    const autoGets = async () =>
      (await h.listWire({ taskId, frames: false, limit: 50 })).filter(
        (x) => x.rpcMethod === 'tasks/get' || x.rpcMethod === 'GetTask',
      ).length;
    const before = await autoGets();
    expect(before).toBeGreaterThanOrEqual(1);
    expect(before).toBeLessThanOrEqual(2);
    // A second verified terminal webhook: no further automatic fetch.
    const secret = t.env.SWITCHBOARD_WEBHOOK_SECRET!;
    const again = await tutorialWebhook({
      webhookSecret: secret,
      taskId,
      body: JSON.stringify({ taskId, status: 'completed', message: 'again' }),
    });
    expect((await post(again)).status).toBe(200);
    await waitFor(
      async () =>
        (await h.getTimeline({ taskId })).events.filter((e) => e.source === 'webhook').length === 2,
      { what: 'second webhook on the timeline' },
    );
    expect(await autoGets()).toBe(before);
  });

  it('an invalid webhook never changes the state; a valid non-final one does', async () => {
    // The enterprise agent at speed 1: still working when the webhooks arrive.
    const ent = await h.startDemoAgent({ name: 'enterprise', port: 0, speed: 1 });
    const entId = (await h.addAgent({ url: ent.url! })).id;
    const sent = await h.sendMessage({
      id: entId,
      text: 'Run secure data processing',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    await h.disconnectTask({ taskId });
    const before = (await h.getTask({ taskId })).state;
    expect(before).not.toBe('failed');
    const forged = await tutorialWebhook({
      webhookSecret: 'not-the-secret',
      taskId,
      body: JSON.stringify({ taskId, status: 'failed', message: 'forged' }),
    });
    await post(forged);
    const hook = await waitFor(
      async () =>
        (await h.getTimeline({ taskId })).events.find(
          (e) => e.source === 'webhook' && e.verdict !== 'unverified',
        ),
      { what: 'forged webhook verified on the timeline' },
    );
    expect(hook.verdict).toBe('invalid');
    expect((await h.getTask({ taskId })).state).toBe(before);

    const real = await tutorialWebhook({
      webhookSecret: t.env.SWITCHBOARD_WEBHOOK_SECRET!,
      taskId,
      body: JSON.stringify({ taskId, status: 'input-required', message: 'need input' }),
    });
    await post(real);
    await waitFor(async () => (await h.getTask({ taskId })).state === 'input-required', {
      what: 'state from the valid webhook',
    });
    await h.stopDemoAgent({ name: 'enterprise' });
  });

  it('filters captures by task id prefix', async () => {
    const taskId = 'prefix-0123456789abcdef';
    await post(await tutorialWebhook({ webhookSecret: 'x', taskId }));
    await post(await tutorialWebhook({ webhookSecret: 'x', taskId: 'other-task' }));
    await waitFor(
      async () => (await h.listCaptures({ taskId: 'prefix-0123', limit: 100 })).items.length,
      {
        what: 'capture by prefix',
      },
    );
    const page = await h.listCaptures({ taskId: 'prefix-0123', limit: 100 });
    expect(page.items.map((c) => c.taskId)).toEqual([taskId]);
    expect((await h.listCaptures({ taskId, limit: 100 })).items).toHaveLength(1);
    expect((await h.listCaptures({ taskId: 'prefix-0124', limit: 100 })).items).toHaveLength(0);
  });

  it('restart on a new speed keeps the port; discovery finds demo agents on any port', async () => {
    const port = Number(new URL(agentUrl).port);
    const again = await h.startDemoAgent({ name: 'long', port: 0, speed: 25 });
    expect(again.port).toBe(port);
    expect(again.speed).toBe(25);
    const kept = await h.startDemoAgent({ name: 'long', speed: 40 });
    expect(kept).toMatchObject({ port, speed: 40 });
    const found = await h.discoverAgents({ ports: '1' });
    expect(found.map((f) => f.url)).toContain(`http://127.0.0.1:${port}/`);
    expect(found.find((f) => f.url.endsWith(`:${port}/`))?.agentId).toBe(agentId);
  });
});
