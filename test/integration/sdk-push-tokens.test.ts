// Per-task notification tokens against real @a2a-js/sdk agents (v1.0 and the 0.3 compat mode)
// and their own push sender (DefaultPushNotificationSender + InMemoryPushNotificationStore):
// every webhook Switchboard asked for is `valid`, in observe and in enforce mode, whether the
// token came with the message or with a push config set later; another task's token and an
// unknown token are refused with the reason. Tokens never show in the API or the wire log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import type { CaptureDetail } from '../../shared/model';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { postAndSettle, startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

describe.each([
  { mode: '1.0' as const, version: '1.0' as const, responseMode: 'observe' as const },
  { mode: '1.0' as const, version: '1.0' as const, responseMode: 'enforce' as const },
  { mode: 'legacy' as const, version: '0.3' as const, responseMode: 'observe' as const },
  { mode: 'legacy' as const, version: '0.3' as const, responseMode: 'enforce' as const },
])('SDK agent $mode speaking $version, receiver in $responseMode mode', (p) => {
  let t: TestEngine;
  let agent: SdkAgent;
  let svc: AgentService;
  let agentId: number;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.engine.handlers.updateSettings({
      patch: { responseMode: p.responseMode },
      reverify: false,
    });
    agent = await startSdkAgent(p.mode);
    svc = createAgentService(t.engine.context);
    const view = await svc.handlers.addAgent({
      url: agent.url,
      ...(p.version === '0.3' ? { protocolVersion: '0.3' } : {}),
    });
    agentId = view.id;
  });
  afterAll(async () => {
    await svc.stop();
    await agent.close();
    await t.cleanup();
  });

  const h = () => svc.handlers;
  /** The task's captures, once every one of them is verified (the 2xx may precede that). */
  const capturesOf = (taskId: string): Promise<CaptureDetail[]> =>
    waitFor(
      async () => {
        const page = await t.engine.handlers.listCaptures({ taskId, limit: 100 });
        const all = await Promise.all(
          page.items.map((c) => t.engine.handlers.getCapture({ id: c.id })),
        );
        return all.every((c) => c.checks.length > 0) ? all : null;
      },
      { what: `captures of ${taskId} verified` },
    );
  const tokenCheck = (c: CaptureDetail) => c.checks.find((x) => x.id === 'notification-token');
  /** Waits for the task to complete and its final webhook to be verified. */
  const settled = async (taskId: string) => {
    await waitFor(async () => (await h().getTask({ taskId })).state === 'completed', {
      what: 'task completed',
    });
    return waitFor(
      async () => {
        const tl = await h().getTimeline({ taskId });
        const done = tl.events.some((e) => e.source === 'webhook' && e.state === 'completed');
        return done ? tl : null;
      },
      { what: 'completed webhook on the timeline' },
    );
  };

  it('streams with push: every webhook on the timeline is valid by its per-task token', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 3 20',
      stream: true,
      push: true,
    });
    const taskId = sent.taskId!;
    const task = await h().getTask({ taskId });
    expect(task.push?.tokenPreview).toBe('••• (32 chars)');
    await settled(taskId);
    const captures = await capturesOf(taskId);
    const tl = await h().getTimeline({ taskId });
    const hooks = tl.events.filter((e) => e.source === 'webhook');
    expect(hooks.length).toBeGreaterThanOrEqual(3);
    expect(hooks.map((e) => e.verdict)).toEqual(hooks.map(() => 'valid'));
    expect(captures.length).toBe(hooks.length);
    for (const c of captures) {
      expect(c.verdict).toBe('valid');
      expect(tokenCheck(c)?.status).toBe('pass');
      expect(tokenCheck(c)?.detail).toMatch(
        /registered (for this task \("[^"]+"\)|with the message it sent)/,
      );
      expect(c.responseStatus).toBe(200);
    }
    expect(tokenCheck(captures.at(-1)!)?.detail).toContain(`for this task ("${taskId}")`);
  });

  it('a push config set on a running task gets its own token, valid for that task', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 30 25',
      stream: true,
      push: false,
    });
    const taskId = sent.taskId!;
    const { config } = await h().setPushConfig({ taskId });
    const stored = (await h().getTask({ taskId })).push!;
    expect(stored.configId).toBeTruthy();
    expect(JSON.stringify(config)).toContain('••• (32 chars)');
    await settled(taskId);
    const captures = await capturesOf(taskId);
    expect(captures.length).toBeGreaterThan(0);
    for (const c of captures) {
      expect(c.verdict).toBe('valid');
      expect(tokenCheck(c)?.detail).toContain(`push config ${stored.configId}`);
    }
    const list = await h().listPushConfigs({ taskId });
    expect(JSON.stringify(list.configs)).toContain('••• (32 chars)');
  });

  it('keeps every token out of the API and the wire log', async () => {
    const sent = await h().sendMessage({ id: agentId, text: 'quick', stream: true, push: true });
    const taskId = sent.taskId!;
    await settled(taskId);
    const token = captureToken((await capturesOf(taskId))[0]!);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const wire = await h().listWire({ agentId, frames: true, limit: 100 });
    expect(JSON.stringify(wire)).not.toContain(token);
    expect(JSON.stringify(await h().listTasks({ agentId, limit: 100 }))).not.toContain(token);
    expect(JSON.stringify(await h().getTimeline({ taskId }))).not.toContain(token);
  });

  it('push with Authorization: Bearer: the SDK sends the generated credential, valid for the task', async () => {
    const sent = await h().sendMessage({
      id: agentId,
      text: 'long 3 20',
      stream: true,
      push: true,
      pushAuth: 'bearer',
    });
    const taskId = sent.taskId!;
    expect((await h().getTask({ taskId })).push?.authPreview).toBe('Bearer ••• (32 chars)');
    await settled(taskId);
    const captures = await capturesOf(taskId);
    expect(captures.length).toBeGreaterThanOrEqual(3);
    const credential = bearerOf(captures[0]!);
    expect(credential).toMatch(/^[0-9a-f]{32}$/);
    for (const c of captures) {
      // The SDK's sender puts the credential in Authorization and then leaves the token out.
      expect(bearerOf(c)).toBe(credential);
      expect(captureToken(c)).toBe('');
      expect(c.verdict).toBe('valid');
      expect(tokenCheck(c)?.status).toBe('pass');
    }
    expect(tokenCheck(captures.at(-1)!)?.detail).toBe(
      `The credential in Authorization (Bearer scheme) equals the Authorization credential Switchboard registered in the push config's authentication for this task ("${taskId}").`,
    );
    // Masked in every view: task, timeline, wire log, the agent's push configs.
    const wire = await h().listWire({ agentId, frames: true, limit: 100 });
    expect(JSON.stringify(wire)).not.toContain(credential);
    expect(JSON.stringify(await h().listTasks({ agentId, limit: 100 }))).not.toContain(credential);
    expect(JSON.stringify(await h().getTimeline({ taskId }))).not.toContain(credential);
    const configs = JSON.stringify((await h().listPushConfigs({ taskId })).configs);
    expect(configs).not.toContain(credential);

    // Another task's credential fails, with the task it is registered for.
    const other = await h().sendMessage({ id: agentId, text: 'quick', stream: true, push: false });
    const body = JSON.stringify({ kind: 'task', id: other.taskId, status: { state: 'completed' } });
    const crossed = await postAndSettle(t, '/webhook', {
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${credential}` },
      body,
    });
    const c = await t.engine.handlers.getCapture({ id: crossed.captureId });
    expect(c.verdict).toBe('invalid');
    expect(tokenCheck(c)?.detail).toContain(
      `registered in the push config's authentication for task "${taskId}"`,
    );
    expect(crossed.res.status).toBe(p.responseMode === 'enforce' ? 401 : 200);
  });

  it("refuses another task's token and an unknown token, with the reason", async () => {
    const a = await h().sendMessage({ id: agentId, text: 'quick', stream: true, push: true });
    const b = await h().sendMessage({ id: agentId, text: 'quick', stream: true, push: true });
    await settled(a.taskId!);
    await settled(b.taskId!);
    const tokenOfA = captureToken((await capturesOf(a.taskId!))[0]!);
    const body = JSON.stringify({ kind: 'task', id: b.taskId, status: { state: 'completed' } });
    const post = (token: string) =>
      postAndSettle(t, '/webhook', {
        headers: { 'Content-Type': 'application/json', 'X-A2A-Notification-Token': token },
        body,
      });
    const crossed = await post(tokenOfA);
    const unknown = await post('0'.repeat(32));
    for (const [res, reason] of [
      [crossed, `is the one Switchboard registered for task "${a.taskId}"`],
      [unknown, `does not equal the token Switchboard registered for task "${b.taskId}"`],
    ] as const) {
      const c = await t.engine.handlers.getCapture({ id: res.captureId });
      expect(c.verdict).toBe('invalid');
      expect(tokenCheck(c)?.detail).toContain(reason);
      expect(res.res.status).toBe(p.responseMode === 'enforce' ? 401 : 200);
      expect(c.responseStatus).toBe(p.responseMode === 'enforce' ? 401 : 200);
    }
  });
});

function captureToken(c: CaptureDetail): string {
  return c.headers.find(([n]) => n.toLowerCase() === 'x-a2a-notification-token')?.[1] ?? '';
}

function bearerOf(c: CaptureDetail): string {
  const v = c.headers.find(([n]) => n.toLowerCase() === 'authorization')?.[1] ?? '';
  return v.startsWith('Bearer ') ? v.slice('Bearer '.length) : '';
}
