// The agents store's per-task rules (issue 14): selecting a task drops the previous task's error,
// switching agents drops the selected task, and Open in Agents selects an agent already added
// (same origin) or adds it first.
import { describe, expect, it, vi } from 'vitest';
import type { SwitchboardApi } from '../../../shared/api';
import type { AgentView, Timeline } from '../../../shared/api/agents';
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
});
