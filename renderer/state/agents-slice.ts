// State of the Agents screen: agents, the selected agent's tasks, the selected task's timeline
// (appended live from 'stream' events, webhooks refetched on 'capture' events for that task).
// Its own zustand store fed by onEngineBatch, so the app store stays untouched; the timeline
// array is replaced, not mutated, once per batch (per animation frame).
import { createStore, useStore } from 'zustand';
import type { SwitchboardApi } from '../../shared/api';
import type { AgentView, TaskView } from '../../shared/api/agents';
import type { Finding, TimelineEvent } from '../../shared/a2a/types';
import type { EngineEvent } from '../../shared/events';

export interface AgentsState {
  agents: AgentView[];
  selectedAgentId: number | null;
  tasks: TaskView[];
  selectedTaskId: string | null;
  events: TimelineEvent[];
  findings: Finding[];
  error: string | null;
  busy: boolean;
  setError(error: string | null): void;
  load(): Promise<void>;
  selectAgent(id: number | null): Promise<void>;
  selectTask(taskId: string | null): Promise<void>;
  refreshTimeline(): Promise<void>;
  run<T>(action: () => Promise<T>): Promise<T | null>;
  applyBatch(batch: EngineEvent[]): void;
}

export function createAgentsStore(api: SwitchboardApi) {
  return createStore<AgentsState>()((set, get) => ({
    agents: [],
    selectedAgentId: null,
    tasks: [],
    selectedTaskId: null,
    events: [],
    findings: [],
    error: null,
    busy: false,
    setError: (error) => set({ error }),
    async load() {
      const agents = await api.listAgents({});
      set({ agents });
      const id = get().selectedAgentId ?? agents[0]?.id ?? null;
      if (id !== null) await get().selectAgent(id);
    },
    async selectAgent(id) {
      set({ selectedAgentId: id, tasks: id === null ? [] : await api.listTasks({ agentId: id }) });
    },
    async selectTask(taskId) {
      set({ selectedTaskId: taskId, events: [], findings: [] });
      if (taskId) await get().refreshTimeline();
    },
    async refreshTimeline() {
      const taskId = get().selectedTaskId;
      if (!taskId) return;
      const tl = await api.getTimeline({ taskId });
      if (get().selectedTaskId === taskId) set({ events: tl.events, findings: tl.findings });
    },
    async run(action) {
      set({ busy: true, error: null });
      try {
        return await action();
      } catch (err) {
        set({ error: (err as Error).message });
        return null;
      } finally {
        set({ busy: false });
      }
    },
    applyBatch(batch) {
      const { selectedTaskId, selectedAgentId } = get();
      const fresh: TimelineEvent[] = [];
      let tasks = get().tasks;
      let refetch = false;
      for (const e of batch) {
        if (e.type === 'stream' && e.taskId === selectedTaskId) fresh.push(e.event);
        else if (e.type === 'task' && e.task.agentId === selectedAgentId) {
          const rest = tasks.filter((t) => t.taskId !== e.task.taskId);
          tasks = [e.task, ...rest];
        } else if (
          (e.type === 'capture' || e.type === 'capture-updated') &&
          e.capture.taskId === selectedTaskId
        ) {
          refetch = true;
        }
      }
      if (tasks !== get().tasks) set({ tasks });
      if (fresh.length) set({ events: [...get().events, ...fresh] });
      // Webhooks and findings are computed by the engine: fetch the merged timeline again.
      if (
        refetch ||
        (fresh.length &&
          fresh.some(
            (f) => f.state === 'completed' || f.state === 'failed' || f.state === 'canceled',
          ))
      ) {
        void get().refreshTimeline();
      }
    },
  }));
}

export type AgentsStore = ReturnType<typeof createAgentsStore>;

let store: AgentsStore | null = null;
export function agentsStore(api: SwitchboardApi): AgentsStore {
  store ??= createAgentsStore(api);
  return store;
}

export function useAgents<T>(s: AgentsStore, selector: (state: AgentsState) => T): T {
  return useStore(s, selector);
}
