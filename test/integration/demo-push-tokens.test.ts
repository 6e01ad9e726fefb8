// Our demo agents through Switchboard's own client, in all three push dialects (tutorial HMAC,
// v0.3 and v1.0 with per-task tokens), in observe and enforce mode, with a hand-set notification
// token configured as well: every webhook Switchboard asked for is `valid` and acknowledged, and
// on the standard dialects the notification-token check passes by the per-task token. With a
// push config `authentication` (Bearer, generated), the demo agents send it as Authorization
// beside the token header, and the check passes both for the task.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import { startDemoAgent, type RunningDemoAgent } from '../../electron/engine/demo/start-agents';
import type { PushDialect } from '../../shared/a2a/types';
import type { CaptureDetail } from '../../shared/model';
import { startTestEngine, testSecrets, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

const CASES: {
  agent: 'long' | 'enterprise';
  dialect: PushDialect;
  text: string;
  auth?: boolean;
}[] = [
  { agent: 'long', dialect: 'tutorial', text: 'Run a long machine learning task' },
  { agent: 'long', dialect: 'v0.3', text: 'Run a long machine learning task' },
  { agent: 'long', dialect: 'v1.0', text: 'Run a long machine learning task' },
  { agent: 'enterprise', dialect: 'tutorial', text: 'Process this secure document' },
  { agent: 'enterprise', dialect: 'v0.3', text: 'Process this secure document' },
  { agent: 'enterprise', dialect: 'v1.0', text: 'Process this secure document' },
  { agent: 'long', dialect: 'v0.3', text: 'Run a long machine learning task', auth: true },
  { agent: 'long', dialect: 'v1.0', text: 'Run a long machine learning task', auth: true },
  { agent: 'enterprise', dialect: 'v1.0', text: 'Process this secure document', auth: true },
];

describe.each(['observe', 'enforce'] as const)('demo agents, receiver in %s mode', (mode) => {
  let t: TestEngine;
  let svc: AgentService;
  const demos: Partial<Record<'long' | 'enterprise', RunningDemoAgent>> = {};

  beforeAll(async () => {
    t = await startTestEngine({
      env: { ...testSecrets(), SWITCHBOARD_NOTIFICATION_TOKEN: `test-hand-set-${Date.now()}` },
    });
    await t.engine.handlers.updateSettings({ patch: { responseMode: mode }, reverify: false });
    const secrets = () => {
      const s = t.engine.context.settings.get();
      return { webhookSecret: s.webhookSecret, jwtSecret: s.jwtSecret };
    };
    demos.long = await startDemoAgent('long', { port: 0, speed: 100, secrets });
    demos.enterprise = await startDemoAgent('enterprise', { port: 0, speed: 100, secrets });
    svc = createAgentService(t.engine.context);
  });
  afterAll(async () => {
    await svc.stop();
    await demos.long?.close();
    await demos.enterprise?.close();
    await t.cleanup();
  });

  it('refuses Authorization on a tutorial-dialect push, saying why and what to pick', async () => {
    const agent = await svc.handlers.addAgent({ url: demos.long!.url, pushDialect: 'tutorial' });
    const send = svc.handlers.sendMessage({
      id: agent.id,
      text: 'Process this quickly',
      stream: true,
      push: true,
      pushAuth: 'bearer',
    });
    await expect(send).rejects.toMatchObject({
      status: 400,
      code: 'auth_needs_a2a_dialect',
      message: expect.stringContaining('Pick the v1.0 or v0.3 dialect') as unknown,
    });
  });

  it.each(CASES)('$agent agent, $dialect dialect (auth: $auth): only valid webhooks', async (c) => {
    const agent = await svc.handlers.addAgent({
      url: demos[c.agent]!.url,
      pushDialect: c.dialect,
      protocolVersion: c.dialect === 'v1.0' ? '1.0' : '0.3',
    });
    const sent = await svc.handlers.sendMessage({
      id: agent.id,
      text: c.text,
      stream: true,
      push: true,
      ...(c.auth ? { pushAuth: 'bearer' as const } : {}),
    });
    const taskId = sent.taskId!;
    await waitFor(async () => (await svc.handlers.getTask({ taskId })).state === 'completed', {
      timeoutMs: 20_000,
      what: 'task completed',
    });
    // The webhook about completion is the last one the agent sends (the tutorial's only one).
    await waitFor(
      async () =>
        (await svc.handlers.getTimeline({ taskId })).events.some(
          (e) => e.source === 'webhook' && e.state === 'completed',
        ),
      { timeoutMs: 20_000, what: 'completed webhook' },
    );
    const captures = await waitFor(
      async () => {
        const page = await t.engine.handlers.listCaptures({ taskId, limit: 100 });
        const all: CaptureDetail[] = await Promise.all(
          page.items.map((x) => t.engine.handlers.getCapture({ id: x.id })),
        );
        return all.every((x) => x.checks.length > 0) ? all : null;
      },
      { what: 'every webhook verified' },
    );
    for (const capture of captures) {
      expect(capture.verdict).toBe('valid');
      expect(capture.responseStatus).toBe(200);
      const token = capture.checks.find((x) => x.id === 'notification-token')!;
      if (c.dialect === 'tutorial') expect(token.status).toBe('skip');
      else expect(token.detail).toMatch(/Switchboard registered/);
      const authorization = capture.headers.find(([n]) => n.toLowerCase() === 'authorization');
      if (c.auth) {
        expect(authorization?.[1]).toMatch(/^Bearer [0-9a-f]{32}$/);
        expect(token.status).toBe('pass');
        expect(token.detail).toMatch(
          /The credential in Authorization \(Bearer scheme\) equals the Authorization credential Switchboard registered in the push config's authentication (for this task|with the message it sent)/,
        );
      }
    }
    const tl = await svc.handlers.getTimeline({ taskId });
    const hooks = tl.events.filter((e) => e.source === 'webhook');
    expect(hooks.length).toBe(captures.length);
    expect(hooks.every((e) => e.verdict === 'valid')).toBe(true);
  });
});
