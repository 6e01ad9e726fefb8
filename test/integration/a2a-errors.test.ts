// Error paths and conformance findings against a deliberately broken agent: unreachable agent,
// missing / invalid / broken cards, JSON-RPC errors, non-SSE and HTML answers, timeouts, a
// refused localhost webhook, and the linter's findings on misbehaving streams.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import { createCapturesRepo } from '../../electron/engine/store/captures-repo';
import { startBrokenServer, type BrokenServer } from '../fixtures/broken-sse-server';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';
import { apiError } from '../helpers/api-error';

let t: TestEngine;
let svc: AgentService;
let broken: BrokenServer;
// Agents are unique by card URL: the v1.0 agent is a second server.
let brokenV1: BrokenServer;
let agentId: number;
let agentV1: number;

beforeAll(async () => {
  t = await startTestEngine();
  svc = createAgentService(t.engine.context);
  broken = await startBrokenServer('good');
  brokenV1 = await startBrokenServer('good');
  agentId = (await svc.handlers.addAgent({ url: broken.url })).id;
  agentV1 = (await svc.handlers.addAgent({ url: brokenV1.url, protocolVersion: '1.0' })).id;
});
afterAll(async () => {
  await svc.stop();
  await broken.close();
  await brokenV1.close();
  await t.cleanup();
});

async function freePortUrl(): Promise<string> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/`;
}

describe('agent card errors', () => {
  it('reports an unreachable agent', async () => {
    const e = await apiError(svc.handlers.addAgent({ url: await freePortUrl() }));
    expect(e.code).toBe('agent_unreachable');
    expect(e.message).toMatch(/ECONNREFUSED/);
  });

  it('reports a missing card after trying both well-known paths', async () => {
    const s = await startBrokenServer('missing');
    const e = await apiError(svc.handlers.addAgent({ url: s.url }));
    await s.close();
    expect(e.code).toBe('card_missing');
    expect(e.message).toContain('agent-card.json');
    expect(e.message).toContain('agent.json');
  });

  it('falls back to /.well-known/agent.json', async () => {
    const s = await startBrokenServer('legacy-path');
    const view = await svc.handlers.addAgent({ url: s.url });
    await s.close();
    expect(view.cardUrl).toMatch(/\/\.well-known\/agent\.json$/);
    expect(view.validation).toMatchObject({ valid: true, cardVersion: '0.3' });
    expect(view.protocolVersion).toBe('0.3');
  });

  it('reports a card that is not JSON', async () => {
    const s = await startBrokenServer('not-json');
    const e = await apiError(svc.handlers.addAgent({ url: s.url }));
    await s.close();
    expect(e.code).toBe('card_invalid_json');
  });

  it('keeps an invalid card with errors and warnings by JSON path', async () => {
    const s = await startBrokenServer('broken');
    const view = await svc.handlers.addAgent({ url: s.url });
    await s.close();
    expect(view.validation.valid).toBe(false);
    const errPaths = view.validation.errors.map((i) => i.path);
    expect(errPaths).toEqual(expect.arrayContaining(['$.name', '$.skills[0].id']));
    const warnPaths = view.validation.warnings.map((i) => i.path);
    expect(warnPaths).toEqual(expect.arrayContaining(['$.surprise', '$.url']));
  });

  it('times out on a card that never comes', async () => {
    const hang = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(hang.address() as { port: number }).port}/`;
    const e = await apiError(svc.handlers.addAgent({ url, timeoutMs: 300 }));
    hang.close();
    expect(e.code).toBe('agent_timeout');
  });
});

describe('JSON-RPC and transport errors', () => {
  const send = (text: string, extra: { push?: boolean; timeoutMs?: number; id?: number } = {}) =>
    svc.handlers.sendMessage({
      id: extra.id ?? agentId,
      text,
      stream: true,
      push: extra.push ?? false,
      ...(extra.timeoutMs ? { timeoutMs: extra.timeoutMs } : {}),
    });

  it('explains JSON-RPC error codes', async () => {
    const e = await apiError(send('rpc-error'));
    expect(e.code).toBe('jsonrpc_error');
    expect(e.message).toMatch(/-32602.*Invalid params.*bad params/);
  });

  it('reports a non-SSE answer to a stream request', async () => {
    const e = await apiError(send('not-sse'));
    expect(e.code).toBe('not_sse');
    expect(e.message).toContain('application/json');
  });

  it('reports an HTTP error page', async () => {
    const e = await apiError(send('html-500'));
    expect(e.code).toBe('agent_http_error');
    expect(e.message).toContain('500');
  });

  it('times out on an agent that never answers', async () => {
    const e = await apiError(send('hang', { timeoutMs: 300 }));
    expect(e.code).toBe('agent_timeout');
  });

  it('explains an agent refusing the localhost webhook URL (SSRF rule)', async () => {
    const e = await apiError(send('reject-webhook', { push: true }));
    expect(e.code).toBe('webhook_url_rejected');
    expect(e.message).toMatch(/localhost and private addresses/);
    expect(e.message).toMatch(/tunnel/);
  });
});

describe('custom headers', () => {
  it('sends them on every request, shows only a mask, keeps them out of the wire log', async () => {
    const secret = 'Bearer s3cret-value';
    const withAuth = await startBrokenServer('good');
    onTestFinished(() => withAuth.close());
    const view = await svc.handlers.addAgent({
      url: withAuth.url,
      headers: { Authorization: secret },
    });
    expect(view.headers).toEqual([{ name: 'Authorization', preview: 'Bearer ••• (19 chars)' }]);
    expect(JSON.stringify(view)).not.toContain('s3cret');
    const { taskId } = await svc.handlers.sendMessage({
      id: view.id,
      text: 'auth',
      stream: true,
      push: false,
    });
    await waitFor(
      async () => (await svc.handlers.getTask({ taskId: taskId! })).state === 'completed',
    );
    const wire = await svc.handlers.listWire({ taskId: taskId!, frames: false, limit: 10 });
    expect(wire[0]!.requestHeaders).toContainEqual(['Authorization', '«redacted»']);
    expect(JSON.stringify(wire)).not.toContain('s3cret');
    const noAuth = await apiError(
      svc.handlers.sendMessage({ id: agentId, text: 'auth', stream: true, push: false }),
    );
    expect(noAuth.message).toContain('missing or wrong Authorization');
  });
});

describe('conformance findings from a broken stream', () => {
  async function rules(text: string, id = agentId): Promise<string[]> {
    const { taskId } = await svc.handlers.sendMessage({ id, text, stream: true, push: false });
    await waitFor(async () => !(await svc.handlers.getTask({ taskId: taskId! })).streaming, {
      what: 'stream end',
    });
    return (await svc.handlers.getTimeline({ taskId: taskId! })).findings.map((f) => f.rule);
  }

  it('flags events after final', async () =>
    expect(await rules('after-final')).toContain('event-after-terminal'));
  it('flags invalid JSON frames and keeps them', async () => {
    const { taskId } = await svc.handlers.sendMessage({
      id: agentId,
      text: 'bad-json',
      stream: true,
      push: false,
    });
    await waitFor(async () => !(await svc.handlers.getTask({ taskId: taskId! })).streaming, {
      what: 'stream end',
    });
    const tl = await svc.handlers.getTimeline({ taskId: taskId! });
    expect(tl.findings.map((f) => f.rule)).toContain('invalid-json');
    expect(tl.events.some((e) => e.text?.startsWith('Invalid frame'))).toBe(true);
    const wire = await svc.handlers.listWire({ taskId: taskId!, frames: true, limit: 1000 });
    expect(wire.flatMap((w) => w.frames ?? []).some((f) => f.raw === 'data: {not json\n\n')).toBe(
      true,
    );
  });
  it('flags a v0.3 stream without final', async () =>
    expect(await rules('no-final')).toContain('missing-final'));
  it('flags a v1.0 stream ending before a terminal state', async () =>
    expect(await rules('no-final', agentV1)).toContain('missing-terminal'));
  it('flags task and context id mismatches', async () =>
    expect(await rules('mismatch')).toEqual(
      expect.arrayContaining(['task-id-mismatch', 'context-id-mismatch']),
    ));
  it('flags artifact append / lastChunk misuse', async () =>
    expect(await rules('artifact')).toEqual(
      expect.arrayContaining(['artifact-append-unknown', 'artifact-after-last-chunk']),
    ));
  it('flags a truncated last frame', async () =>
    expect(await rules('truncated')).toContain('truncated-frame'));
  it('parses CRLF frames split across chunks', async () => expect(await rules('crlf')).toEqual([]));

  it('flags a v1.0 subscribe that does not start with a Task', async () => {
    const { taskId } = await svc.handlers.sendMessage({
      id: agentV1,
      text: 'ok',
      stream: true,
      push: false,
    });
    await waitFor(async () => !(await svc.handlers.getTask({ taskId: taskId! })).streaming);
    await svc.handlers.resubscribeTask({ taskId: taskId! });
    const tl = await waitFor(async () => {
      const x = await svc.handlers.getTimeline({ taskId: taskId! });
      return x.findings.some((f) => f.rule === 'subscribe-not-task-first') ? x : null;
    });
    const f = tl.findings.find((x) => x.rule === 'subscribe-not-task-first')!;
    expect(tl.events.find((e) => e.frameId === f.frameId)?.findings?.[0]?.rule).toBe(
      'subscribe-not-task-first',
    );
  });

  it('flags a webhook whose state disagrees with the stream', async () => {
    const { taskId } = await svc.handlers.sendMessage({
      id: agentId,
      text: 'ok',
      stream: true,
      push: false,
    });
    await waitFor(
      async () => (await svc.handlers.getTask({ taskId: taskId! })).state === 'completed',
    );
    const body = new TextEncoder().encode(
      JSON.stringify({ kind: 'task', id: taskId, contextId: 'c', status: { state: 'failed' } }),
    );
    const captureId = createCapturesRepo(t.engine.context.db).insert({
      receivedAt: Date.now(),
      method: 'POST',
      path: '/webhook',
      query: '',
      headers: [['Content-Type', 'application/json']],
      body,
      remoteAddress: '127.0.0.1',
      taskId: taskId!,
      contentType: 'application/json',
      source: 'receiver',
    });
    const tl = await svc.handlers.getTimeline({ taskId: taskId! });
    const hook = tl.events.find((e) => e.captureId === captureId)!;
    expect(hook).toMatchObject({ source: 'webhook', state: 'failed', verdict: 'unverified' });
    expect(hook.findings?.map((f) => f.rule)).toEqual(['webhook-state-disagrees']);
  });
});
