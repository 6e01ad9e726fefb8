// Agents, tasks, stream frames and the wire log survive a restart: a new engine on the same
// data dir shows the same timeline and can still talk to the agent.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAgentService } from '../../electron/engine/a2a/agent-service';
import { startSdkAgent, type SdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let agent: SdkAgent;
let second: TestEngine | null = null;
beforeAll(async () => {
  agent = await startSdkAgent('1.0');
});
afterAll(async () => {
  await second?.cleanup();
  await agent.close();
});

it('keeps agents, tasks, timeline and wire log across a restart', async () => {
  const first = await startTestEngine();
  const svc = createAgentService(first.engine.context);
  const { id } = await svc.handlers.addAgent({ url: agent.url });
  const { taskId } = await svc.handlers.sendMessage({
    id,
    text: 'quick',
    stream: true,
    push: false,
  });
  await waitFor(
    async () => (await svc.handlers.getTask({ taskId: taskId! })).state === 'completed',
  );
  await waitFor(async () => !(await svc.handlers.getTask({ taskId: taskId! })).streaming);
  const before = await svc.handlers.getTimeline({ taskId: taskId! });
  await svc.stop();
  await first.stop();

  second = await startTestEngine({ dataDir: first.dataDir, env: first.env });
  const again = createAgentService(second.engine.context);
  expect((await again.handlers.listAgents({})).map((a) => a.id)).toEqual([id]);
  const after = await again.handlers.getTimeline({ taskId: taskId! });
  expect(after.events).toEqual(before.events);
  expect(after.task).toMatchObject({ state: 'completed', streaming: false });
  expect(
    (await again.handlers.listWire({ taskId: taskId!, frames: true, limit: 10 }))[0]?.frames,
  ).toHaveLength(5);
  expect((await again.handlers.fetchTask({ taskId: taskId! })).state).toBe('completed');
  await again.stop();
});
