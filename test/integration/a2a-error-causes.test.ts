// Error messages that name the real cause, against real SDK agents (v1.0 and 0.3 compat) and
// the deliberately broken agent: resubscribe / cancel on a finished task, a missing push config
// (not "task not found"), an HTML page or a redirect on the RPC URL, a task id of `..` through
// the HTTP binding, a delete answered without `result` (completes, with a finding), and agents
// unique by card URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgentService, type AgentService } from '../../electron/engine/a2a/agent-service';
import { fillPath } from '../../shared/api';
import type { Timeline } from '../../shared/api/agents';
import { startBrokenServer, type BrokenServer } from '../fixtures/broken-sse-server';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, startTestServe, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';
import { apiError } from '../helpers/api-error';

let t: TestEngine;
let svc: AgentService;

beforeAll(async () => {
  t = await startTestEngine();
  svc = createAgentService(t.engine.context);
});
afterAll(async () => {
  await svc.stop();
  await t.cleanup();
});

describe.each([
  { mode: '1.0' as const, version: '1.0' as const },
  { mode: 'legacy' as const, version: '0.3' as const },
])('finished tasks and push configs, SDK agent $mode', ({ mode, version }) => {
  let agent: SdkAgent;
  let agentId: number;
  let taskId: string;
  beforeAll(async () => {
    agent = await startSdkAgent(mode);
    agentId = (
      await svc.handlers.addAgent({
        url: agent.url,
        ...(version === '0.3' ? { protocolVersion: '0.3' } : {}),
      })
    ).id;
    const sent = await svc.handlers.sendMessage({
      id: agentId,
      text: 'quick',
      stream: true,
      push: false,
    });
    taskId = sent.taskId!;
    await waitFor(async () => (await svc.handlers.getTask({ taskId })).state === 'completed', {
      what: 'completed',
    });
  });
  afterAll(() => agent.close());

  it('resubscribe on a finished task says it finished, with the agent’s own text', async () => {
    const e = await apiError(svc.handlers.resubscribeTask({ taskId }));
    expect(e.code).toBe('task_finished');
    expect(e.message).toContain(`Task ${taskId} has already finished (completed)`);
    expect(e.message).toMatch(/terminal state.*cannot be subscribed to/);
    expect(e.message).not.toMatch(/streaming off/);
  });

  it('cancel on a finished task says it finished', async () => {
    const e = await apiError(svc.handlers.cancelTask({ taskId }));
    expect(e.code).toBe('task_finished');
    expect(e.message).toMatch(/nothing left to cancel/);
  });

  it('a missing push config is not reported as a missing task', async () => {
    const e = await apiError(svc.handlers.getPushConfig({ taskId, configId: 'no-such-config' }));
    expect(e.code).toBe('push_config_not_found');
    expect(e.message).toContain(`no push config "no-such-config" for task ${taskId}`);
    expect(e.message).toContain('Push notification config not found');
  });

  it('adding the same card URL again selects the existing agent and refreshes its card', async () => {
    const again = await svc.handlers.addAgent({ url: agent.url.replace(/\/$/, '') });
    expect(again.id).toBe(agentId);
    expect(again.protocolVersion).toBe(version);
    expect(
      (await svc.handlers.listAgents({})).filter((a) => a.cardUrl === again.cardUrl),
    ).toHaveLength(1);
    expect(again.updatedAt).toBeGreaterThanOrEqual(again.createdAt);
  });
});

describe('answers that are not what the RPC URL should give', () => {
  let broken: BrokenServer;
  let agentId: number;
  beforeAll(async () => {
    broken = await startBrokenServer('good');
    agentId = (await svc.handlers.addAgent({ url: broken.url })).id;
  });
  afterAll(() => broken.close());
  const send = (text: string, stream: boolean) =>
    svc.handlers.sendMessage({ id: agentId, text, stream, push: false });

  it('an HTML page to a stream request is "not SSE", naming the content type', async () => {
    const e = await apiError(send('html-200', true));
    expect(e.code).toBe('not_sse');
    expect(e.message).toContain('text/html');
  });

  it('an HTML page to a plain call says it is a web page, not the endpoint', async () => {
    const e = await apiError(send('html-200', false));
    expect(e.code).toBe('agent_bad_json');
    expect(e.message).toContain('answered an HTML page (text/html; charset=utf-8), not JSON-RPC');
  });

  it.each([true, false])(
    'a 307 names where it points and says it is not followed (stream %s)',
    async (stream) => {
      const e = await apiError(send('redirect', stream));
      expect(e.code).toBe('agent_redirect');
      expect(e.message).toContain('HTTP 307, redirecting to http://127.0.0.1:1/elsewhere');
      expect(e.message).toMatch(/not followed/);
    },
  );

  it('a delete answered without `result` completes, with an rpc-missing-result finding', async () => {
    const { taskId } = await send('ok', true);
    await waitFor(async () => !(await svc.handlers.getTask({ taskId: taskId! })).streaming, {
      what: 'stream end',
    });
    const res = await svc.handlers.deletePushConfig({ taskId: taskId!, configId: 'cfg-1' });
    expect(res.deleted).toBe(true);
    expect(res.findings.map((f) => f.rule)).toEqual(['rpc-missing-result']);
    expect(res.findings[0]!.message).toContain('tasks/pushNotificationConfig/delete');
    const tl = await svc.handlers.getTimeline({ taskId: taskId! });
    expect(tl.findings.map((f) => f.rule)).toContain('rpc-missing-result');
  });

  it('a task id of `..` works through the HTTP binding (not /api/timeline)', async () => {
    const { taskId } = await send('dotdot', true);
    expect(taskId).toBe('..');
    const ui = await startTestServe(t);
    try {
      const { path } = fillPath('/api/tasks/:taskId/timeline', { taskId: '..' });
      const res = await fetch(`${ui.url}${path}`, {
        headers: { Authorization: `Bearer ${ui.token}` },
      });
      expect(res.status).toBe(200);
      const tl = (await res.json()) as Timeline;
      expect(tl.task?.taskId).toBe('..');
      expect(tl.events.length).toBeGreaterThan(0);
    } finally {
      await ui.close();
    }
  });
});
