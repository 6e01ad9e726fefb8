// State of the Agents screen: agents, the selected agent's tasks, the selected task's timeline
// (appended live from 'stream' events, webhooks refetched on 'capture' events for that task).
// The task list and the selected task's state follow 'task' events (stream, tasks/get answers
// and verified webhooks all move it in the engine).
// A slice of the app store under `agents`, fed the store's per-frame engine batches. The timeline
// is a TimelineData (paged, append-only, its own subscription): live events never copy it and
// never change this slice, so only the timeline re-renders, once per batch (per animation frame).
// Views select single fields (useApp(s => s.agents.tasks)) and call `ops`, never the bridge.
import { errorText } from '../../shared/error-text';
import type { SwitchboardApi } from '../../shared/api';
import type { AgentView, TaskView } from '../../shared/api/agents';
import type { Finding, TimelineEvent } from '../../shared/a2a/types';
import type { EngineEvent } from '../../shared/events';
import { nested, pickOps } from './nested-slice';
import { CHUNK, TimelineData } from './timeline-data';
import type { SliceCreator } from './types';

/** One-shot operations of the Agents screen's panels (answers shown where they were asked). */
const AGENT_OPS = [
  'addAgent',
  'updateAgent',
  'discoverAgents',
  'sendMessage',
  'fetchTask',
  'cancelTask',
  'disconnectTask',
  'resubscribeTask',
  'listPushConfigs',
  'deletePushConfig',
  'agentReport',
  'getCapture',
] as const;
export type AgentOps = Pick<SwitchboardApi, (typeof AGENT_OPS)[number]>;

export interface AgentsState {
  ops: AgentOps;
  agents: AgentView[];
  selectedAgentId: number | null;
  tasks: TaskView[];
  selectedTaskId: string | null;
  /** The selected task's timeline (named `events` for the views that pass it on). */
  events: TimelineData;
  findings: Finding[];
  error: string | null;
  busy: boolean;
  setError(error: string | null): void;
  load(): Promise<void>;
  selectAgent(id: number | null): Promise<void>;
  selectTask(taskId: string | null): Promise<void>;
  /** Selects the agent at `url`, adding it first when it is not in the list yet. */
  openAgentUrl(url: string): Promise<void>;
  refreshTimeline(): Promise<void>;
  run<T>(action: () => Promise<T>): Promise<T | null>;
  applyBatch(batch: EngineEvent[]): void;
}

export interface AgentsSlice {
  agents: AgentsState;
}

export const createAgentsSlice =
  (api: SwitchboardApi): SliceCreator<AgentsSlice> =>
  (setApp, getApp) => {
    const [set, get] = nested('agents', setApp, getApp);
    return { agents: agentsState(api, set, get) };
  };

function agentsState(
  api: SwitchboardApi,
  set: (patch: Partial<AgentsState>) => void,
  get: () => AgentsState,
): AgentsState {
  return {
    ops: pickOps(api, AGENT_OPS),
    agents: [],
    selectedAgentId: null,
    tasks: [],
    selectedTaskId: null,
    events: new TimelineData(null),
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
      const switching = id !== get().selectedAgentId;
      set({ selectedAgentId: id, tasks: id === null ? [] : await api.listTasks({ agentId: id }) });
      if (switching && get().selectedTaskId) await get().selectTask(null);
    },
    async selectTask(taskId) {
      const load = taskId
        ? (cursor: string, limit: number) => api.getTimeline({ taskId, cursor, limit })
        : null;
      // Nothing of the previous task stays: its timeline, findings and error go with it.
      set({
        selectedTaskId: taskId,
        events: new TimelineData(taskId, load),
        findings: [],
        error: null,
      });
      if (taskId) await get().refreshTimeline();
    },
    async openAgentUrl(url) {
      const origin = new URL(url).origin;
      const known = (await api.listAgents({})).find((a) => new URL(a.baseUrl).origin === origin);
      const agent = known ?? (await api.addAgent({ url }));
      set({ agents: await api.listAgents({}) });
      await get().selectAgent(agent.id);
      if (get().selectedTaskId) await get().selectTask(null);
    },
    async refreshTimeline() {
      const { selectedTaskId: taskId, events: data } = get();
      if (!taskId) return;
      const generation = data.beginReload();
      const tl = await api.getTimeline({ taskId, cursor: 'tail', limit: CHUNK });
      if (get().events !== data) return;
      data.resetFromTail(generation, tl);
      set({ findings: tl.findings });
      // A partial first page (rows shown at once, findings not linted yet): ask for it again.
      if (tl.partial) await get().refreshTimeline();
    },
    async run(action) {
      set({ busy: true, error: null });
      try {
        return await action();
      } catch (err) {
        set({ error: errorText(err) });
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
      if (fresh.length) get().events.append(fresh);
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
  };
}
