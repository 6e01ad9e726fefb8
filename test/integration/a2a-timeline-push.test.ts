// The timeline is pushed (issue 12 item 7): against a real @a2a-js/sdk agent, a deliberately
// broken SSE agent and the real receiver, everything a task's timeline shows reaches the
// renderer as 'timeline' events — stream frames with their findings (linted at ingest), the
// webhooks with their verdicts, tasks/get and cancel answers — and the rows pushed equal the
// timeline the engine answers when asked. Findings stored at ingest equal a full re-lint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintStream } from '../../shared/a2a/lint';
import type { Finding, ProtocolVersion, TimelineEvent } from '../../shared/a2a/types';
import type { EngineHandlers } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import { createA2aWireRepo } from '../../electron/engine/store/a2a-wire-repo';
import { startBrokenServer, type BrokenServer } from '../fixtures/broken-sse-server';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { tutorialWebhook } from '../helpers/tutorial-webhook';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let h: EngineHandlers;
let sdk: SdkAgent;
let broken: BrokenServer;
const events: EngineEvent[] = [];

beforeAll(async () => {
  t = await startTestEngine();
  h = t.engine.handlers;
  t.engine.events.on((e) => events.push(e));
  sdk = await startSdkAgent('1.0');
  broken = await startBrokenServer();
});
afterAll(async () => {
  await t.cleanup();
  await sdk.close();
  await broken.close();
});

const keyOf = (e: TimelineEvent) => (e.frameId ? `f${e.frameId}` : `c${e.captureId}`);

/** What the renderer holds after applying every pushed event of the task. */
function pushed(taskId: string) {
  const rows = new Map<string, TimelineEvent>();
  const findings: Finding[] = [];
  let batches = 0;
  for (const e of events) {
    if (e.type !== 'timeline' || e.taskId !== taskId) continue;
    batches++;
    for (const ev of e.events) {
      expect(rows.has(keyOf(ev)), `${keyOf(ev)} pushed twice: ${JSON.stringify(ev)}`).toBe(false);
      rows.set(keyOf(ev), ev);
    }
    // An update of a row not sent yet (a webhook stored, its verification under way) is
    // ignored, as the renderer does: the row comes with its own event.
    for (const ev of e.updates ?? []) if (rows.has(keyOf(ev))) rows.set(keyOf(ev), ev);
    findings.push(...(e.findings ?? []));
  }
  return { rows, findings, batches };
}

async function expectPushedEqualsAnswered(taskId: string) {
  const tl = await h.getTimeline({ taskId });
  const p = pushed(taskId);
  expect([...p.rows.keys()].sort()).toEqual(tl.events.map(keyOf).sort());
  for (const e of tl.events) expect(p.rows.get(keyOf(e))).toEqual(e);
  expect(p.findings).toEqual(tl.findings.filter((f) => f.frameId === null && !f.captureId));
  return { tl, ...p };
}

const done = (taskId: string) =>
  waitFor(async () => !(await h.getTask({ taskId })).streaming, { what: 'stream closed' });

describe('pushed timeline', () => {
  it('pushes stream frames and webhooks with verdicts; a get answer too', async () => {
    const agent = await h.addAgent({ url: sdk.url });
    const sent = await h.sendMessage({ id: agent.id, text: 'long 3 20', stream: true, push: true });
    const taskId = sent.taskId!;
    await waitFor(async () => (await h.getTask({ taskId })).state === 'completed', {
      what: 'completed',
    });
    await done(taskId);
    await waitFor(
      () =>
        pushed(taskId).rows.size > 0 &&
        [...pushed(taskId).rows.values()].some(
          (e) => e.source === 'webhook' && e.state === 'completed',
        ),
      { what: 'completed webhook pushed' },
    );
    const { rows, batches } = await expectPushedEqualsAnswered(taskId);
    const hooks = [...rows.values()].filter((e) => e.source === 'webhook');
    expect(hooks.map((e) => e.verdict)).toEqual(hooks.map(() => 'valid'));
    expect([...rows.values()].filter((e) => e.source === 'stream').length).toBeGreaterThan(3);
    // One event per stored chunk, not one per frame.
    expect(batches).toBeLessThan(rows.size);
    const before = rows.size;
    await h.fetchTask({ taskId });
    const after = await expectPushedEqualsAnswered(taskId);
    // The fetch row (and possibly the automatic tasks/get after the completion webhook).
    expect(after.rows.size).toBeGreaterThan(before);
    expect(after.tl.events.at(-1)).toMatchObject({ kind: 'task', state: 'completed' });
  });

  it('pushes a cancel answer', async () => {
    const agent = await h.addAgent({ url: sdk.url });
    const sent = await h.sendMessage({
      id: agent.id,
      text: 'long 400 25',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    await h.cancelTask({ taskId });
    await done(taskId);
    const { tl } = await expectPushedEqualsAnswered(taskId);
    expect(tl.events.some((e) => e.kind === 'task' && e.state === 'canceled')).toBe(true);
  });

  it('pushes a webhook that disagrees with the ended stream with its finding', async () => {
    const agent = await h.addAgent({ url: sdk.url });
    const sent = await h.sendMessage({ id: agent.id, text: 'quick', stream: true, push: false });
    const taskId = sent.taskId!;
    await done(taskId);
    const secret = t.env['SWITCHBOARD_WEBHOOK_SECRET']!;
    const w = await tutorialWebhook({
      webhookSecret: secret,
      taskId,
      body: JSON.stringify({ taskId, status: 'failed', message: 'late' }),
    });
    await fetch(`${t.receiverUrl}/webhook`, { method: 'POST', headers: w.headers, body: w.body });
    const hook = await waitFor(
      () => [...pushed(taskId).rows.values()].find((e) => e.source === 'webhook'),
      { what: 'webhook pushed' },
    );
    expect(hook.state).toBe('failed');
    expect(hook.findings?.map((f) => f.rule)).toEqual(['webhook-state-disagrees']);
    await expectPushedEqualsAnswered(taskId);
  });

  it.each(['after-final', 'bad-json', 'no-final', 'mismatch', 'artifact', 'truncated'])(
    'stores the findings of a broken stream (%s) as a full re-lint finds them, and pushes them',
    async (mode) => {
      const agent = await h.addAgent({ url: broken.url });
      const sent = await h.sendMessage({ id: agent.id, text: mode, stream: true, push: false });
      const taskId = sent.taskId!;
      await done(taskId);
      const { tl } = await expectPushedEqualsAnswered(taskId);
      expect(tl.findings.length).toBeGreaterThan(0);
      const wire = createA2aWireRepo(t.engine.context.db);
      const [ex] = wire.exchanges({ taskId }, 10);
      const relint = lintStream({
        version: (ex!.protocolVersion ?? '0.3') as ProtocolVersion,
        method: ex!.streamKind!,
        contentType: ex!.contentType,
        frames: wire.framesOfExchange(ex!.id).map((f) => ({ id: f.id, data: f.data })),
        ended: ex!.streamEnd ?? 'open',
        truncatedTail: ex!.truncatedTail,
      });
      expect(tl.findings).toEqual(relint);
    },
  );
});
