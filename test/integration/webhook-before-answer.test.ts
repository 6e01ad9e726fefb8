// Webhooks that reach the receiver before the agent's answer (the SDK's push sender runs beside
// the answer; a slow answer loses that race). A real @a2a-js/sdk agent, both protocol versions,
// holds its non-streamed answer until the receiver has stored the task's completed webhook.
// Once the answer names the task, those webhooks still move its state (completed, not the
// answer's "working") and the task is fetched once, as if they had come after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTO_FETCH_NOTE } from '../../electron/engine/a2a/webhook-follow';
import type { EngineHandlers } from '../../shared/api';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

/** The task id of a non-streamed send's answer: v1.0 `{task}`, v0.3 the Task itself. */
function answerTaskId(answer: unknown): string | null {
  const result = (answer as { result?: { id?: string; task?: { id?: string } } }).result;
  return result?.task?.id ?? result?.id ?? null;
}

describe.each([
  { mode: '1.0' as const, version: '1.0' as const },
  { mode: 'legacy' as const, version: '0.3' as const },
])('SDK agent $mode speaking $version: webhooks before the answer', (p) => {
  let t: TestEngine;
  let h: EngineHandlers;
  let agent: SdkAgent;
  let agentId: number;
  let heldFor: string | null = null;

  beforeAll(async () => {
    t = await startTestEngine();
    h = t.engine.handlers;
    let first = true;
    agent = await startSdkAgent(p.mode, {
      // Only the send's answer waits (not the tasks/get that follows): until the receiver holds
      // the completed webhook of the task it names.
      holdAnswer: async (answer) => {
        const taskId = answerTaskId(answer);
        if (!first || !taskId) return;
        first = false;
        await waitFor(
          async () => (await h.listCaptures({ taskId, q: 'completed', limit: 10 })).items.length,
          { what: 'the completed webhook stored before the answer' },
        );
        heldFor = taskId;
      },
    });
    const view = await h.addAgent({
      url: agent.url,
      ...(p.version === '0.3' ? { protocolVersion: '0.3' } : {}),
    });
    agentId = view.id;
  });
  afterAll(async () => {
    await agent.close();
    await t.cleanup();
  });

  it('the earlier webhooks complete the task and it is fetched once', async () => {
    const sent = await h.sendMessage({ id: agentId, text: 'quick', stream: false, push: true });
    const taskId = sent.taskId!;
    expect(heldFor).toBe(taskId);
    expect(sent.state).not.toBe('completed');
    await waitFor(async () => (await h.getTask({ taskId })).state === 'completed', {
      what: 'completed from the webhooks stored before the answer',
    });
    const tl = await waitFor(
      async () => {
        const page = await h.getTimeline({ taskId });
        return page.events.some((e) => e.note === AUTO_FETCH_NOTE) ? page : null;
      },
      { what: 'the automatic tasks/get row' },
    );
    const hooks = tl.events.filter((e) => e.source === 'webhook');
    expect(hooks.length).toBeGreaterThanOrEqual(2);
    expect(hooks.every((e) => e.verdict === 'valid')).toBe(true);
    expect(hooks.at(-1)!.state).toBe('completed');
    const fetched = tl.events.filter((e) => e.note === AUTO_FETCH_NOTE);
    expect(fetched.at(-1)!.state).toBe('completed');
    expect(fetched.length).toBe(1);
  });
});
