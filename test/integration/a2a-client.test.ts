// The A2A client against a plain @a2a-js/sdk agent, in v1.0 and in legacy 0.3 mode: card,
// quick and long streamed tasks, disconnect + resubscribe, cancel, push with webhooks landing
// on the same timeline (real receiver), push-config CRUD, wire log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import type { EngineEvent } from '../../shared/events';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

describe.each([
  { mode: '1.0' as const, version: '1.0' as const },
  { mode: 'legacy' as const, version: '0.3' as const },
])('A2A client against an SDK agent ($mode, speaking $version)', ({ mode, version }) => {
  let t: TestEngine;
  let agent: SdkAgent;
  let svc: AgentService;
  let agentId: number;
  const events: EngineEvent[] = [];

  beforeAll(async () => {
    t = await startTestEngine();
    agent = await startSdkAgent(mode);
    svc = createAgentService(t.engine.context);
    t.engine.events.on((e) => events.push(e));
  });
  afterAll(async () => {
    await svc.stop();
    await agent.close();
    await t.cleanup();
  });

  const h = () => svc.handlers;
  const stateOf = async (taskId: string) => (await h().getTask({ taskId })).state;

  it('adds the agent: card fetched, valid, version detected (override for 0.3)', async () => {
    const view = await h().addAgent({
      url: agent.url,
      ...(version === '0.3' ? { protocolVersion: '0.3' } : {}),
    });
    agentId = view.id;
    expect(view.validation.valid).toBe(true);
    expect(view.validation.errors).toEqual([]);
    expect(view.detectedVersion).toBe('1.0');
    expect(view.protocolVersion).toBe(version);
    expect(view.summary.supportedVersions).toEqual(mode === 'legacy' ? ['1.0', '0.3'] : ['1.0']);
    expect(view.rpcUrl).toBe(`${agent.url}rpc`);
    expect(view.cardUrl).toMatch(/agent-card\.json$/);
    expect((await h().listAgents({})).map((a) => a.id)).toContain(agentId);
  });

  it('streams a quick task to completion with every frame stored and no findings', async () => {
    const sent = await h().sendMessage({ id: agentId, text: 'quick', stream: true, push: false });
    expect(sent.kind).toBe('task');
    const taskId = sent.taskId!;
    await waitFor(async () => (await stateOf(taskId)) === 'completed', { what: 'completed' });
    await waitFor(async () => !(await h().getTask({ taskId })).streaming, {
      what: 'stream closed',
    });
    const tl = await h().getTimeline({ taskId });
    expect(tl.events.map((e) => e.kind)).toEqual([
      'task',
      'status-update',
      'status-update',
      'artifact-update',
      'status-update',
    ]);
    expect(tl.events.at(-1)?.state).toBe('completed');
    expect(tl.findings).toEqual([]);
    const wire = await h().listWire({ taskId, frames: true, limit: 10 });
    expect(wire).toHaveLength(1);
    expect(wire[0]!.rpcMethod).toBe(version === '1.0' ? 'SendStreamingMessage' : 'message/stream');
    expect(wire[0]!.frames).toHaveLength(5);
    expect(wire[0]!.frames![0]!.raw).toMatch(/^data: \{.*\}\n\n$/s);
    expect(wire[0]!.curl).toContain(
      version === '1.0' ? "'A2A-Version: 1.0'" : "'Accept: text/event-stream'",
    );
    expect(events.some((e) => e.type === 'timeline' && e.taskId === taskId)).toBe(true);
  });

  it('answers a message-only reply without a task', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'hello there',
      stream: false,
      push: false,
    });
    expect(sent).toMatchObject({ kind: 'message', taskId: null });
  });

  it('disconnects a long task (it goes on) and resubscribes to it', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 60 25',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    expect(await h().disconnectTask({ taskId })).toEqual({ disconnected: true });
    await waitFor(async () => !(await h().getTask({ taskId })).streaming, { what: 'disconnected' });
    const before = (await h().getTimeline({ taskId })).events.length;
    const { exchangeId } = await h().resubscribeTask({ taskId });
    expect(exchangeId).toBeGreaterThan(0);
    await waitFor(async () => (await stateOf(taskId)) === 'completed', {
      what: 'completed after resubscribe',
    });
    const tl = await h().getTimeline({ taskId });
    expect(tl.events.length).toBeGreaterThan(before);
    const resub = tl.events.filter((e) => e.exchangeId === exchangeId);
    if (version === '1.0') expect(resub[0]?.kind).toBe('task');
    expect(tl.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const fetched = await h().fetchTask({ taskId });
    expect(fetched.state).toBe('completed');
  });

  it('cancels a running task', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 400 25',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    const res = await h().cancelTask({ taskId });
    expect(res.state).toBe('canceled');
    await waitFor(async () => (await stateOf(taskId)) === 'canceled', { what: 'canceled' });
  });

  it('registers Switchboard as webhook and merges the webhooks into the timeline', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 3 20',
      stream: true,
      push: true,
    });
    const taskId = sent.taskId!;
    const task = await h().getTask({ taskId });
    expect(task.push?.url).toBe(`${t.receiverUrl}/webhook`);
    expect(task.push?.tokenPreview).toBe('••• (32 chars)');
    await waitFor(async () => (await stateOf(taskId)) === 'completed', { what: 'completed' });
    const tl = await waitFor(
      async () => {
        const x = await h().getTimeline({ taskId });
        return x.events.some((e) => e.source === 'webhook' && e.state === 'completed') ? x : null;
      },
      { what: 'completed webhook on the timeline' },
    );
    // Verification may land just after the capture row: wait until every webhook has a verdict.
    const hooks = await waitFor(
      async () => {
        const x = (await h().getTimeline({ taskId })).events.filter((e) => e.source === 'webhook');
        return x.every((e) => e.verdict !== 'unverified') ? x : null;
      },
      { what: 'webhooks verified' },
    );
    expect(hooks.every((e) => typeof e.captureId === 'number')).toBe(true);
    // The SDK's own push sender echoes the per-task token Switchboard registered.
    expect(hooks.map((e) => e.verdict)).toEqual(hooks.map(() => 'valid'));
    expect(tl.findings.filter((f) => f.rule === 'webhook-state-disagrees')).toEqual([]);
  });

  it("lists the agent's tasks with ListTasks (v1.0 only)", async () => {
    if (version === '1.0') {
      const { tasks } = await h().listRemoteTasks({ id: agentId });
      expect(tasks.length).toBeGreaterThan(0);
    } else {
      await expect(h().listRemoteTasks({ id: agentId })).rejects.toMatchObject({
        code: 'not_in_v03',
      });
    }
  });

  it('discovers the agent on its localhost port', async () => {
    const port = new URL(agent.url).port;
    const found = await h().discoverAgents({ ports: `${port},1` });
    expect(found).toEqual([
      {
        url: agent.url,
        name: agent.card.name,
        cardUrl: `${agent.url}.well-known/agent-card.json`,
        agentId,
      },
    ]);
  });

  it('creates, lists, gets and deletes push configs', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 200 25',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    const { config } = await h().setPushConfig({ taskId });
    const stored = (await h().getTask({ taskId })).push;
    expect(stored?.url).toBe(`${t.receiverUrl}/webhook`);
    const configId = stored?.configId;
    expect(configId).toBeTruthy();
    expect(JSON.stringify(config)).toContain(stored!.tokenPreview);
    const list = await h().listPushConfigs({ taskId });
    expect(list.configs).toHaveLength(1);
    const got = await h().getPushConfig({ taskId, configId: configId! });
    expect(JSON.stringify(got.config)).toContain('/webhook');
    expect(await h().deletePushConfig({ taskId, configId: configId! })).toEqual({
      deleted: true,
      findings: [],
    });
    expect((await h().listPushConfigs({ taskId })).configs).toHaveLength(0);
    await h().cancelTask({ taskId });
  });
});
