// The A2A client over HTTP+JSON (REST) against a plain @a2a-js/sdk agent serving only its
// restHandler in the card, in v1.0 and in the v0.3 compat: transport chosen from the card,
// streamed tasks with the same timeline as JSON-RPC, disconnect + resubscribe, get, cancel,
// push with webhooks landing on the same timeline (real receiver), push-config CRUD, ListTasks,
// and a wire log that keeps method, path, headers, body and SSE frames as sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

describe.each([
  { mode: '1.0' as const, version: '1.0' as const, prefix: '/rest' },
  { mode: 'legacy' as const, version: '0.3' as const, prefix: '/rest/v1' },
])('A2A client over HTTP+JSON ($mode, speaking $version)', ({ mode, version, prefix }) => {
  let t: TestEngine;
  let agent: SdkAgent;
  let svc: AgentService;
  let agentId: number;

  beforeAll(async () => {
    t = await startTestEngine();
    agent = await startSdkAgent(mode, { rest: 'only' });
    svc = createAgentService(t.engine.context);
  });
  afterAll(async () => {
    await svc.stop();
    await agent.close();
    await t.cleanup();
  });

  const h = () => svc.handlers;
  const stateOf = async (taskId: string) => (await h().getTask({ taskId })).state;
  const path = (url: string) => new URL(url).pathname;

  it('picks HTTP+JSON from the card (its only interface) and lists it', async () => {
    const view = await h().addAgent({
      url: agent.url,
      ...(version === '0.3' ? { protocolVersion: '0.3' } : {}),
    });
    agentId = view.id;
    expect(view.transport).toBe('HTTP+JSON');
    expect(view.transportOverride).toBeNull();
    expect(view.rpcUrl).toBe(`${agent.url}rest`);
    expect(view.transports).toEqual([
      {
        transport: 'HTTP+JSON',
        urls: [`${agent.url}rest`],
        versions: mode === 'legacy' ? ['1.0', '0.3'] : ['1.0'],
      },
    ]);
    expect(view.protocolVersion).toBe(version);
    // The tutorial dialect rides in JSON-RPC params only.
    expect(view.pushDialect).toBe(version === '1.0' ? 'v1.0' : 'v0.3');
  });

  it('streams a quick task: the same timeline as JSON-RPC, REST frames in the wire log', async () => {
    const sent = await h().sendMessage({ id: agentId, text: 'quick', stream: true, push: false });
    expect(sent.kind).toBe('task');
    const taskId = sent.taskId!;
    await waitFor(async () => (await stateOf(taskId)) === 'completed', { what: 'completed' });
    await waitFor(async () => !(await h().getTask({ taskId })).streaming, { what: 'closed' });
    const tl = await h().getTimeline({ taskId });
    expect(tl.events.map((e) => e.kind)).toEqual([
      'task',
      'status-update',
      'status-update',
      'artifact-update',
      'status-update',
    ]);
    expect(tl.events.map((e) => e.state ?? null)).toEqual([
      'submitted',
      'working',
      'working',
      null,
      'completed',
    ]);
    expect(tl.events[3]?.artifact).toMatchObject({ id: 'result', lastChunk: true });
    expect(tl.events[3]?.text).toBe('done: quick');
    expect(tl.findings).toEqual([]);
    const [ex] = await h().listWire({ taskId, frames: true, limit: 10 });
    expect(ex!.transport).toBe('HTTP+JSON');
    expect(ex!.method).toBe('POST');
    expect(path(ex!.url)).toBe(`${prefix}/message:stream`);
    expect(ex!.rpcMethod).toBe(version === '1.0' ? 'SendStreamingMessage' : 'message/stream');
    const body = JSON.parse(ex!.requestBody) as { message: Record<string, unknown> };
    // No JSON-RPC envelope; v0.3 REST speaks proto JSON (content, ROLE_USER).
    expect(body).not.toHaveProperty('jsonrpc');
    expect(body.message['role']).toBe('ROLE_USER');
    expect(body.message[version === '1.0' ? 'parts' : 'content']).toEqual([{ text: 'quick' }]);
    expect(ex!.requestHeaders).toContainEqual(['Accept', 'text/event-stream']);
    expect(ex!.frames).toHaveLength(5);
    expect(ex!.frames![0]!.raw).toMatch(/^data: \{"task":\{.*\}\}\n\n$/s);
    expect(ex!.curl).toContain(
      `-N --http1.1 -X 'POST' '${agent.url}${prefix.slice(1)}/message:stream'`,
    );
  });

  it('sends without streaming, gets and cancels over GET / POST paths', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 400 25',
      stream: false,
      push: false,
    });
    expect(sent.kind).toBe('task');
    const taskId = sent.taskId!;
    const got = await h().fetchTask({ taskId });
    expect(['submitted', 'working']).toContain(got.state);
    const res = await h().cancelTask({ taskId });
    expect(res.state).toBe('canceled');
    const wire = await h().listWire({ taskId, frames: false, limit: 10 });
    expect(wire.map((x) => `${x.method} ${path(x.url)} ${x.status}`)).toEqual([
      `POST ${prefix}/message:send ${version === '1.0' ? 200 : 201}`,
      `GET ${prefix}/tasks/${taskId} 200`,
      `POST ${prefix}/tasks/${taskId}:cancel 200`,
    ]);
    const tl = await h().getTimeline({ taskId });
    expect(tl.findings).toEqual([]);
  });

  it('answers a message-only reply without a task', async () => {
    const sent = await h().sendMessage({ id: agentId, text: 'hello', stream: false, push: false });
    expect(sent).toMatchObject({ kind: 'message', taskId: null });
  });

  it('disconnects a long task and resubscribes to it', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 60 25',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    expect(await h().disconnectTask({ taskId })).toEqual({ disconnected: true });
    await waitFor(async () => !(await h().getTask({ taskId })).streaming, { what: 'disconnected' });
    const { exchangeId } = await h().resubscribeTask({ taskId });
    await waitFor(async () => (await stateOf(taskId)) === 'completed', {
      what: 'completed after resubscribe',
    });
    const tl = await h().getTimeline({ taskId });
    const resub = tl.events.filter((e) => e.exchangeId === exchangeId);
    expect(resub[0]?.kind).toBe('task');
    expect(tl.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const wire = await h().listWire({ taskId, frames: false, limit: 10 });
    const sub = wire.find((x) => x.id === exchangeId)!;
    expect(`${sub.method} ${path(sub.url)}`).toBe(
      `${version === '1.0' ? 'POST' : 'GET'} ${prefix}/tasks/${taskId}:subscribe`,
    );
  });

  it('the long task with push: webhooks land on the same timeline, verified', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 3 20',
      stream: true,
      push: true,
    });
    const taskId = sent.taskId!;
    expect((await h().getTask({ taskId })).push?.dialect).toBe(version === '1.0' ? 'v1.0' : 'v0.3');
    await waitFor(async () => (await stateOf(taskId)) === 'completed', { what: 'completed' });
    const hooks = await waitFor(
      async () => {
        const x = (await h().getTimeline({ taskId })).events.filter((e) => e.source === 'webhook');
        return x.some((e) => e.state === 'completed') && x.every((e) => e.verdict !== 'unverified')
          ? x
          : null;
      },
      { what: 'completed webhook verified on the timeline' },
    );
    expect(hooks.map((e) => e.verdict)).toEqual(hooks.map(() => 'valid'));
    const tl = await h().getTimeline({ taskId });
    expect(tl.findings.filter((f) => f.rule === 'webhook-state-disagrees')).toEqual([]);
  });

  it("lists the agent's tasks with GET /tasks (v1.0 only)", async () => {
    if (version === '1.0') {
      const { tasks } = await h().listRemoteTasks({ id: agentId });
      expect(tasks.length).toBeGreaterThan(0);
      const wire = await h().listWire({ agentId, frames: false, limit: 1000 });
      expect(wire.some((x) => x.method === 'GET' && path(x.url) === '/rest/tasks')).toBe(true);
    } else {
      await expect(h().listRemoteTasks({ id: agentId })).rejects.toMatchObject({
        code: 'not_in_v03',
      });
    }
  });

  it('creates, lists, gets and deletes push configs (201 / 200 / 204)', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 200 25',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    await h().setPushConfig({ taskId });
    const configId = (await h().getTask({ taskId })).push?.configId;
    expect(configId).toBeTruthy();
    expect((await h().listPushConfigs({ taskId })).configs).toHaveLength(1);
    const got = await h().getPushConfig({ taskId, configId: configId! });
    expect(JSON.stringify(got.config)).toContain('/webhook');
    expect(await h().deletePushConfig({ taskId, configId: configId! })).toEqual({
      deleted: true,
      findings: [],
    });
    expect((await h().listPushConfigs({ taskId })).configs).toHaveLength(0);
    await h().cancelTask({ taskId });
    const wire = await h().listWire({ taskId, frames: false, limit: 20 });
    const base = `${prefix}/tasks/${taskId}/pushNotificationConfigs`;
    expect(wire.slice(1).map((x) => `${x.method} ${path(x.url)} ${x.status}`)).toEqual([
      `POST ${base} 201`,
      `GET ${base} 200`,
      `GET ${base}/${configId} 200`,
      `DELETE ${base}/${configId} 204`,
      `GET ${base} 200`,
      `POST ${prefix}/tasks/${taskId}:cancel 200`,
    ]);
    const tl = await h().getTimeline({ taskId });
    expect(tl.findings.filter((f) => f.rule.startsWith('rest-'))).toEqual([]);
  });
});
