// The three transports through the engine's handlers against a demo agent: getAgent lists
// JSONRPC, HTTP+JSON and GRPC with their URLs; the same quick task streamed on each puts the
// same timeline (kinds, states, artifact) on record; the long task with push driven over gRPC
// and over REST lands its webhooks, with verdicts, on the same timeline; each wire log shows
// its transport's real frames (SSE text, or gRPC bytes in hex).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/a2a/transports';
import type { TimelineEvent } from '../../shared/a2a/types';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let agentId: number;
let url: string;

beforeAll(async () => {
  t = await startTestEngine();
  const started = await t.engine.handlers.startDemoAgent({ name: 'long', port: 0, speed: 50 });
  url = started.url!;
  agentId = (await t.engine.handlers.addAgent({ url })).id;
});
afterAll(async () => {
  await t?.engine.handlers.stopDemoAgent({ name: 'long' });
  await t?.cleanup();
});

const h = () => t.engine.handlers;
const shape = (events: TimelineEvent[]) =>
  events
    .filter((e) => e.source === 'stream')
    .map(
      (e) =>
        `${e.kind}${e.state ? ` ${e.state}` : ''}${e.artifact ? ` ${e.artifact.name ?? e.artifact.id}` : ''}`,
    );

async function finished(taskId: string): Promise<TimelineEvent[]> {
  await waitFor(async () => (await h().getTask({ taskId })).state === 'completed', {
    what: `task ${taskId} completed`,
  });
  await waitFor(async () => !(await h().getTask({ taskId })).streaming, { what: 'closed' });
  return (await h().getTimeline({ taskId })).events;
}

describe('a demo agent on each transport', () => {
  it('GET /api/agents/:id lists the three transports; JSON-RPC is the default', async () => {
    const view = await h().getAgent({ id: agentId });
    expect(view.transport).toBe('JSONRPC');
    expect(view.transports.map((x) => x.transport)).toEqual(['JSONRPC', 'HTTP+JSON', 'GRPC']);
    expect(view.transports[1]!.urls).toEqual([`${url}rest`]);
    expect(view.transports[2]!.urls[0]).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(view.transports.every((x) => x.versions.join() === '1.0,0.3')).toBe(true);
  });

  it('the same quick task streamed on each transport: the same timeline', async () => {
    const shapes: Record<string, string[]> = {};
    for (const transport of ['JSONRPC', 'HTTP+JSON', 'GRPC'] as Transport[]) {
      await h().updateAgent({ id: agentId, transport, protocolVersion: '1.0' });
      const sent = await h().sendMessage({
        id: agentId,
        text: 'Process this quickly',
        stream: true,
        push: false,
      });
      const events = await finished(sent.taskId!);
      shapes[transport] = shape(events);
      const tl = await h().getTimeline({ taskId: sent.taskId! });
      expect(tl.findings.filter((f) => f.severity === 'error')).toEqual([]);
      const [ex] = await h().listWire({ taskId: sent.taskId!, frames: true, limit: 5 });
      expect(ex!.transport).toBe(transport);
      const raw = ex!.frames![0]!.raw;
      if (transport === 'GRPC') expect(raw).toMatch(/^[0-9a-f]+$/);
      else expect(raw).toMatch(/^data: /);
    }
    expect(shapes['JSONRPC']!.at(-1)).toBe('status-update completed');
    expect(shapes['JSONRPC']).toContain('artifact-update quick_result');
    expect(shapes['HTTP+JSON']).toEqual(shapes['JSONRPC']);
    expect(shapes['GRPC']).toEqual(shapes['JSONRPC']);
  });

  it.each(['GRPC', 'HTTP+JSON'] as Transport[])(
    'the long task with push over %s: webhooks with verdicts on the same timeline',
    async (transport) => {
      await h().updateAgent({ id: agentId, transport, protocolVersion: null });
      const view = await h().getAgent({ id: agentId });
      expect(view.pushDialect).toBe('v1.0');
      const sent = await h().sendMessage({
        id: agentId,
        text: 'Run a long machine learning task',
        stream: true,
        push: true,
      });
      const taskId = sent.taskId!;
      await finished(taskId);
      const hooks = await waitFor(
        async () => {
          const x = (await h().getTimeline({ taskId })).events.filter(
            (e) => e.source === 'webhook',
          );
          const done = x.some((e) => e.state === 'completed');
          return done && x.every((e) => e.verdict !== 'unverified') ? x : null;
        },
        { what: 'webhooks verified on the timeline' },
      );
      expect(hooks.map((e) => e.verdict)).toEqual(hooks.map(() => 'valid'));
      expect(hooks.some((e) => e.state === 'completed')).toBe(true);
      const tl = await h().getTimeline({ taskId });
      expect(tl.findings.filter((f) => f.rule === 'webhook-state-disagrees')).toEqual([]);
      expect(shape(tl.events)).toContain('artifact-update long_task_result');
    },
  );
});
