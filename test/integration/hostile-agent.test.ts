// A hostile agent against the A2A client: a huge card, a huge SSE event, a dripped stream, a
// redirect, a wrong content type, an endless stream, a huge RPC answer, and a card sending the
// user's custom headers to another origin. Each is stopped at its cap with what was received
// kept and explained; nothing is read past a cap, and no header leaves its origin unconfirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHostileAgent, type HostileAgent } from '../fixtures/hostile-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';
import { apiError } from '../helpers/api-error';

let t: TestEngine;
let agent: HostileAgent;
let agentId: number;

beforeAll(async () => {
  t = await startTestEngine();
  agent = await startHostileAgent({ hugeBytes: 64 * 1024 * 1024 });
  agentId = (await t.engine.handlers.addAgent({ url: agent.url })).id;
});
afterAll(async () => {
  await t.cleanup();
  await agent.close();
});

async function streamToEnd(text: string) {
  const h = t.engine.handlers;
  const { taskId } = await h.sendMessage({ id: agentId, text, stream: true, push: false });
  await waitFor(async () => !(await h.getTask({ taskId: taskId! })).streaming, {
    what: 'stream end',
  });
  const [exchange] = await h.listWire({ taskId: taskId!, frames: true, limit: 1 });
  return {
    taskId: taskId!,
    timeline: await h.getTimeline({ taskId: taskId! }),
    exchange: exchange!,
  };
}

describe('hostile agent cards', () => {
  it('refuses a card over the limit, keeping its start in the wire log', async () => {
    const big = await startHostileAgent({ card: 'huge', hugeBytes: 3 * 1024 * 1024 });
    try {
      const e = await apiError(t.engine.handlers.addAgent({ url: big.url }));
      expect(e.code).toBe('agent_too_large');
      expect(e.message).toContain('1 MiB limit');
      const ex = (await t.engine.handlers.listWire({ frames: false, limit: 1000 })).at(-1);
      expect(ex!.url).toBe(`${big.url}.well-known/agent-card.json`);
      expect(ex!.error).toContain('1 MiB limit');
      expect(ex!.responseBody?.length).toBe(1024 * 1024);
      expect(await t.engine.handlers.listAgents({})).toHaveLength(1);
    } finally {
      await big.close();
    }
  });

  it('does not follow a card redirect to another server', async () => {
    const other = await startHostileAgent();
    const redirecting = await startHostileAgent({ card: 'redirect', elsewhere: other.url });
    try {
      const e = await apiError(
        t.engine.handlers.addAgent({ url: redirecting.url, headers: { 'X-Api-Key': 'k-1' } }),
      );
      expect(e.message).toMatch(/HTTP 302/);
      expect(other.seen).toHaveLength(0);
    } finally {
      await redirecting.close();
      await other.close();
    }
  });
});

describe('hostile agent streams', () => {
  it('ends a stream at an event over the 8 MiB frame limit and keeps its first 1 MiB', async () => {
    const { timeline, exchange } = await streamToEnd('huge-event');
    expect(timeline.findings.map((f) => f.rule)).toContain('frame-too-large');
    expect(exchange.error).toMatch(/8 MiB per-frame limit/);
    const kept = exchange.frames!.at(-1)!;
    expect(kept.raw.length).toBe(1024 * 1024);
    expect(kept.raw.startsWith('data: {"jsonrpc"')).toBe(true);
    await agent.hungUp();
    expect(agent.written()).toBeLessThan(64 * 1024 * 1024); // reading stopped at the cap
  });

  it('reads a stream dripped one byte per write exactly', async () => {
    const { timeline, exchange } = await streamToEnd('drip');
    expect(timeline.findings).toEqual([]);
    expect(exchange.frames!.map((f) => f.raw.endsWith('}\n\n'))).toEqual([true, true]);
    expect(timeline.events.map((e) => e.kind)).toEqual(['task', 'status-update']);
    expect(timeline.task?.state).toBe('completed');
  });

  it('closes an endless stream at the stream budget', async () => {
    await t.engine.handlers.updateSettings({
      patch: { sseStreamLimitBytes: 256 * 1024 },
      reverify: false,
    });
    try {
      const { timeline, exchange } = await streamToEnd('endless');
      expect(timeline.findings.map((f) => f.rule)).toContain('stream-too-large');
      expect(exchange.error).toMatch(/256 KiB budget/);
      await agent.hungUp();
    } finally {
      await t.engine.handlers.updateSettings({
        patch: { sseStreamLimitBytes: 256 * 1024 * 1024 },
        reverify: false,
      });
    }
  });

  it('refuses a stream answered with the wrong content type', async () => {
    const e = await apiError(
      t.engine.handlers.sendMessage({ id: agentId, text: 'wrong-ct', stream: true, push: false }),
    );
    expect(e.message).toMatch(/text\/plain|not JSON/);
  });

  it('does not follow a redirect of the RPC call', async () => {
    const other = await startHostileAgent();
    const redirecting = await startHostileAgent({ elsewhere: other.url });
    try {
      const id = (await t.engine.handlers.addAgent({ url: redirecting.url })).id;
      const e = await apiError(
        t.engine.handlers.sendMessage({ id, text: 'redirect', stream: false, push: false }),
      );
      expect(e.message).toMatch(/307/);
      expect(other.seen).toHaveLength(0);
    } finally {
      await redirecting.close();
      await other.close();
    }
  });

  it('cuts a non-stream RPC answer at the limit and explains', async () => {
    await t.engine.handlers.updateSettings({
      patch: { rpcAnswerLimitBytes: 64 * 1024 },
      reverify: false,
    });
    try {
      const e = await apiError(
        t.engine.handlers.sendMessage({
          id: agentId,
          text: 'huge-answer',
          stream: false,
          push: false,
        }),
      );
      expect(e.code).toBe('agent_too_large');
      expect(e.message).toContain('64 KiB limit');
      const ex = (await t.engine.handlers.listWire({ agentId, frames: false, limit: 1000 })).at(-1);
      expect(ex!.responseBody?.length).toBe(64 * 1024);
      await agent.hungUp();
    } finally {
      await t.engine.handlers.updateSettings({
        patch: { rpcAnswerLimitBytes: 16 * 1024 * 1024 },
        reverify: false,
      });
    }
  });
});

describe('custom headers stay on their origin', () => {
  it('refuses to send them to the other origin a card names until the user confirms it', async () => {
    const other = await startHostileAgent();
    const foreign = await startHostileAgent({ card: 'foreign', elsewhere: other.url });
    try {
      const h = t.engine.handlers;
      const view = await h.addAgent({ url: foreign.url, headers: { 'X-Api-Key': 'k-secret' } });
      expect(view.validation.warnings.map((w) => w.message).join()).toMatch(/another origin/);
      expect(foreign.seen[0]!.headers['x-api-key']).toBe('k-secret'); // the card's own origin
      const e = await apiError(
        h.sendMessage({ id: view.id, text: 'ok', stream: true, push: false }),
      );
      expect(e.code).toBe('headers_foreign_origin');
      expect(e.message).toContain(new URL(other.url).origin);
      expect(other.seen).toHaveLength(0);

      const confirmed = await h.updateAgent({ id: view.id, headerOrigins: [other.url] });
      expect(confirmed.headerOrigins).toEqual([new URL(other.url).origin]);
      await h.sendMessage({ id: view.id, text: 'ok', stream: true, push: false });
      expect(other.seen[0]!.headers['x-api-key']).toBe('k-secret');
    } finally {
      await foreign.close();
      await other.close();
    }
  });
});
