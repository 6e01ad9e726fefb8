// State of the Agents screen: agents, the selected agent's tasks, the selected task's timeline
// (its tail loaded once, then appended from the engine's 'timeline' events: both lanes, findings
// included, never refetched).
// The task list and the selected task's state follow 'task' events (stream, tasks/get answers
// and verified webhooks all move it in the engine). A task list read while events arrive is
// older than them: the events that came during its load are applied over it.
// A slice of the app store under `agents`, fed the store's engine batches. The timeline
// is a TimelineData (paged, append-only, its own subscription): live events never copy it and
// never change this slice, so only the timeline re-renders, once per batch (on an animation frame).
// Views select single fields (useApp(s => s.agents.tasks)) and call `ops`, never the bridge.
import { errorText } from '../../shared/error-text';
import type { SwitchboardApi } from '../../shared/api';
import type { AgentView, TaskView } from '../../shared/api/agents';
import type { Finding, TimelineEvent } from '../../shared/a2a/types';
import type { EngineEvent } from '../../shared/events';
import { createLoadTracker } from './live-during-load';
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
  'listWire',
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
  /** A message to start the compose form with (the Demo agents screen's "Open in Agents"). */
  draft: ComposeDraft | null;
  setError(error: string | null): void;
  load(): Promise<void>;
  selectAgent(id: number | null): Promise<void>;
  selectTask(taskId: string | null): Promise<void>;
  /** Selects the agent at `url`, adding it first when it is not in the list yet; with a draft,
   *  its compose form starts with that message. */
  openAgentUrl(url: string, draft?: Pick<ComposeDraft, 'text' | 'push'>): Promise<void>;
  refreshTimeline(): Promise<void>;
  run<T>(action: () => Promise<T>): Promise<T | null>;
  applyBatch(batch: EngineEvent[]): void;
}

export interface ComposeDraft {
  agentId: number;
  text: string;
  push: boolean;
  /** New per draft: the form starts again from each one. */
  seq: number;
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
  const taskLoads = createLoadTracker<TaskView>();
  const listTasks = (agentId: number): Promise<TaskView[]> =>
    taskLoads.read(
      () => api.listTasks({ agentId }),
      (tasks, task) => (task.agentId === agentId ? withTask(tasks, task) : tasks),
    );
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
    draft: null,
    setError: (error) => set({ error }),
    async load() {
      const agents = await api.listAgents({});
      set({ agents });
      const id = get().selectedAgentId ?? agents[0]?.id ?? null;
      if (id !== null) await get().selectAgent(id);
    },
    async selectAgent(id) {
      const switching = id !== get().selectedAgentId;
      set({ selectedAgentId: id, tasks: id === null ? [] : await listTasks(id) });
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
    async openAgentUrl(url, draft) {
      const origin = new URL(url).origin;
      const known = (await api.listAgents({})).find((a) => new URL(a.baseUrl).origin === origin);
      const agent = known ?? (await api.addAgent({ url }));
      set({ agents: await api.listAgents({}) });
      if (draft) set({ draft: { ...draft, agentId: agent.id, seq: (get().draft?.seq ?? 0) + 1 } });
      await get().selectAgent(agent.id);
      if (get().selectedTaskId) await get().selectTask(null);
    },
    async refreshTimeline() {
      const { selectedTaskId: taskId, events: data } = get();
      if (!taskId) return;
      const generation = data.beginLoad();
      const live = get().findings;
      const tl = await api.getTimeline({ taskId, cursor: 'tail', limit: CHUNK });
      if (get().events !== data) return;
      data.resetFromTail(generation, tl);
      // Whole-stream findings pushed while the page loaded that it does not have yet.
      const added = get().findings.slice(live.length);
      const had = new Set(tl.findings.map(findingKey));
      set({ findings: [...tl.findings, ...added.filter((f) => !had.has(findingKey(f)))] });
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
      const updates: TimelineEvent[] = [];
      const found: Finding[] = [];
      let tasks = get().tasks;
      for (const e of batch) {
        if (e.type === 'timeline' && e.taskId === selectedTaskId) {
          fresh.push(...e.events);
          if (e.updates) updates.push(...e.updates);
          for (const ev of e.events) if (ev.findings) found.push(...ev.findings);
          if (e.findings) found.push(...e.findings);
        } else if (e.type === 'task') {
          if (e.task.agentId === selectedAgentId) tasks = withTask(tasks, e.task);
          taskLoads.saw(e.task);
        }
      }
      if (tasks !== get().tasks) set({ tasks });
      if (fresh.length || updates.length) get().events.apply(fresh, updates);
      if (found.length) set({ findings: [...get().findings, ...found] });
    },
  };
}

/** The list with `task` first, replacing its older copy. */
function withTask(tasks: TaskView[], task: TaskView): TaskView[] {
  return [task, ...tasks.filter((t) => t.taskId !== task.taskId)];
}

/** Identity of a finding, to merge pushed findings with a page that may already have them. */
function findingKey(f: Finding): string {
  return `${f.rule}|${f.frameId ?? ''}|${f.captureId ?? ''}|${f.message}`;
}
