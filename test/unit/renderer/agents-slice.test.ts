// The agents store's per-task rules (issue 14): selecting a task drops the previous task's error,
// switching agents drops the selected task, and Open in Agents selects an agent already added
// (same origin) or adds it first, with the draft message it was given. A task list read before a
// 'task' event that arrived during its load never takes the task back to its older state.
import { describe, expect, it, vi } from 'vitest';
import type { SwitchboardApi } from '../../../shared/api';
import type { AgentView, TaskView, Timeline } from '../../../shared/api/agents';
import { createAgentsStore } from '../../helpers/agents-store';

const agent = (id: number, baseUrl: string) => ({ id, baseUrl }) as AgentView;
const emptyTimeline: Timeline = { task: null, events: [], findings: [] };

function fakeApi(agents: AgentView[]) {
  const addAgent = vi.fn(async ({ url }: { url: string }) => {
    const a = agent(agents.length + 1, url);
    agents.push(a);
    return a;
  });
  const api = {
    listAgents: async () => [...agents],
    listTasks: async () => [],
    getTimeline: async () => emptyTimeline,
    addAgent,
  } as unknown as SwitchboardApi;
  return { api, addAgent };
}

describe('agents store, per task', () => {
  it('drops the error on a task switch and the task on an agent switch', async () => {
    const { api } = fakeApi([agent(1, 'http://127.0.0.1:1/'), agent(2, 'http://127.0.0.1:2/')]);
    const store = createAgentsStore(api);
    await store.getState().selectAgent(1);
    await store.getState().selectTask('t1');
    store.getState().setError('Get failed for t1');
    await store.getState().selectTask('t2');
    expect(store.getState().error).toBeNull();
    await store.getState().selectAgent(1);
    expect(store.getState().selectedTaskId).toBe('t2');
    await store.getState().selectAgent(2);
    expect(store.getState().selectedTaskId).toBeNull();
  });

  it('opens an agent by URL: the one already added, else a new one', async () => {
    const { api, addAgent } = fakeApi([agent(1, 'http://127.0.0.1:41000/')]);
    const store = createAgentsStore(api);
    await store.getState().openAgentUrl('http://127.0.0.1:41000/');
    expect(addAgent).not.toHaveBeenCalled();
    expect(store.getState().selectedAgentId).toBe(1);
    await store.getState().openAgentUrl('http://127.0.0.1:42000/');
    expect(addAgent).toHaveBeenCalledWith({ url: 'http://127.0.0.1:42000/' });
    expect(store.getState().selectedAgentId).toBe(2);
    expect(store.getState().agents.map((a) => a.id)).toEqual([1, 2]);
  });

  it('opens an agent with a draft message: for that agent, new each time', async () => {
    const { api } = fakeApi([agent(1, 'http://127.0.0.1:41000/')]);
    const store = createAgentsStore(api);
    await store.getState().openAgentUrl('http://127.0.0.1:42000/', { text: 'go', push: true });
    expect(store.getState().draft).toEqual({ agentId: 2, text: 'go', push: true, seq: 1 });
    await store.getState().openAgentUrl('http://127.0.0.1:41000/', { text: 'again', push: false });
    expect(store.getState().draft).toEqual({ agentId: 1, text: 'again', push: false, seq: 2 });
    // Without a draft the last one stays (the form started from it already).
    await store.getState().openAgentUrl('http://127.0.0.1:42000/');
    expect(store.getState().draft?.seq).toBe(2);
  });

  it('a task list read before a live task event does not undo it', async () => {
    const task = (taskId: string, state: TaskView['state']) =>
      ({ taskId, agentId: 1, state }) as TaskView;
    let answer: (tasks: TaskView[]) => void = () => undefined;
    const api = {
      listTasks: () => new Promise<TaskView[]>((resolve) => (answer = resolve)),
    } as unknown as SwitchboardApi;
    const store = createAgentsStore(api);
    const selecting = store.getState().selectAgent(1);
    // The engine read the list (t1 working), then t1 completed and its event arrived first.
    store.getState().applyBatch([{ type: 'task', task: task('t1', 'completed') }]);
    store.getState().applyBatch([{ type: 'task', task: task('t9', 'working') }]);
    answer([task('t2', 'working'), task('t1', 'working')]);
    await selecting;
    const tasks = store.getState().tasks;
    expect(tasks.map((t) => [t.taskId, t.state])).toEqual([
      ['t9', 'working'],
      ['t1', 'completed'],
      ['t2', 'working'],
    ]);
    // Once loaded, events apply to the list itself and no longer queue.
    store.getState().applyBatch([{ type: 'task', task: task('t2', 'failed') }]);
    expect(store.getState().tasks[0]).toMatchObject({ taskId: 't2', state: 'failed' });
  });
});
