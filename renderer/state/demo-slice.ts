// Demo slice (under `demo`): both demo agents, the delivery log (filtered by agent, live from
// 'delivery' events with its stats updated in place) and the saved response rules. `load` runs
// when the Demo screen opens on a live connection (and after a reconnect); events follow, and
// those that arrive while a load is under way are applied over its answer. A failed call
// becomes `error` (shown as text). The agent list also feeds the Agents screen hints.
import type { SwitchboardApi } from '../../shared/api';
import type {
  DeliveryAttempt,
  DeliveryStats,
  DemoAgentInfo,
  DemoAgentName,
  ResponseRule,
} from '../../shared/model';
import { errorText } from '../../shared/error-text';
import type { EngineEvent } from '../../shared/events';
import { addAttempt } from './demo-log';
import { createLoadTracker } from './live-during-load';
import { nested, pickOps } from './nested-slice';
import type { SliceCreator } from './types';

const DEMO_OPS = [
  'startDemoAgent',
  'stopDemoAgent',
  'clearDeliveries',
  'setResponseRules',
] as const;
export type DemoOps = Pick<SwitchboardApi, (typeof DEMO_OPS)[number]>;

/** Live attempts kept in the log at most (older ones stay a page away). */
const LIVE_LOG_CAP = 5000;

const withAttempt = (log: DeliveryLogState, a: DeliveryAttempt): DeliveryLogState => ({
  ...log,
  ...addAttempt(log.items, log.stats, a, LIVE_LOG_CAP),
});

const EMPTY_STATS: DeliveryStats = {
  deliveries: 0,
  delivered: 0,
  failed: 0,
  attempts: 0,
  successRate: null,
};

export interface DeliveryLogState {
  items: DeliveryAttempt[];
  stats: DeliveryStats;
  /** Older attempts exist past this cursor (listDeliveries pages newest first). */
  nextCursor: string | null;
}

export interface DemoState {
  ops: DemoOps;
  agents: DemoAgentInfo[];
  filter: DemoAgentName | '';
  log: DeliveryLogState;
  /** The log has been loaded (live attempts are added from then on). */
  logLoaded: boolean;
  rules: ResponseRule[] | null;
  error: string | null;
  /** Agents, rules and the log, from the engine (on open and after a reconnect). */
  load(): Promise<void>;
  /** The agent list only (the Agents screen's hints). */
  loadAgents(): Promise<void>;
  setFilter(filter: DemoAgentName | ''): void;
  loadLog(): Promise<void>;
  loadOlder(): Promise<void>;
  putRules(rules: ResponseRule[]): void;
  putAgent(a: DemoAgentInfo | undefined): void;
  setError(error: string | null): void;
  /** Runs an engine call; its error (e.g. 409 port busy) is shown, the result returned. */
  run<T>(fn: () => Promise<T>): Promise<T | undefined>;
  /** Starts every agent not running (on its default port, or any free one); one that fails (e.g.
   *  its port is busy) does not stop the other, and each failure is reported in the engine's words.
   *  Loads the agent list first when it has not been loaded yet. */
  startBoth(anyPort: boolean): Promise<void>;
  applyBatch(batch: EngineEvent[]): void;
}

export interface DemoSlice {
  demo: DemoState;
}

export const createDemoSlice =
  (api: SwitchboardApi): SliceCreator<DemoSlice> =>
  (setApp, getApp) => {
    const [set, get] = nested('demo', setApp, getApp);
    // Tags log loads: an answer overtaken by a newer filter or reload is dropped.
    let logGeneration = 0;
    const fetchLog = (cursor?: string) => {
      const filter = get().filter;
      return api.listDeliveries({ limit: 200, ...(filter ? { agent: filter } : {}), cursor });
    };
    const upsert = (list: DemoAgentInfo[], a: DemoAgentInfo) =>
      list.some((x) => x.name === a.name)
        ? list.map((x) => (x.name === a.name ? a : x))
        : [...list, a];
    const loads = createLoadTracker<EngineEvent>();
    const withAgent = (agents: DemoAgentInfo[], e: EngineEvent) =>
      e.type === 'demo-agent' ? upsert(agents, e.agent) : agents;
    /** The log's newest page, with the attempts that arrived while it loaded. */
    const loadNewest = () => {
      const filter = get().filter;
      return loads.read(
        () => fetchLog(),
        (log, e): DeliveryLogState =>
          e.type === 'delivery' && (!filter || e.attempt.agent === filter)
            ? withAttempt(log, e.attempt)
            : log,
      );
    };
    return {
      demo: {
        ops: pickOps(api, DEMO_OPS),
        agents: [],
        filter: '',
        log: { items: [], stats: EMPTY_STATS, nextCursor: null },
        logLoaded: false,
        rules: null,
        error: null,
        async load() {
          try {
            const [agents, rules] = await Promise.all([
              loads.read(() => api.listDemoAgents({}), withAgent),
              loads.read(
                () => api.listResponseRules({}),
                (r, e) => (e.type === 'response-rules' ? e.rules : r),
              ),
            ]);
            set({ agents, rules });
          } catch (err) {
            set({ error: errorText(err) });
          }
          await get().loadLog();
        },
        async loadAgents() {
          try {
            set({ agents: await loads.read(() => api.listDemoAgents({}), withAgent) });
          } catch {
            // no hint about demo agents then
          }
        },
        setFilter(filter) {
          set({ filter });
          void get().loadLog();
        },
        async loadLog() {
          const gen = ++logGeneration;
          try {
            const log = await loadNewest();
            if (gen === logGeneration) set({ log, logLoaded: true });
          } catch (err) {
            set({ error: errorText(err) });
          }
        },
        async loadOlder() {
          const { nextCursor } = get().log;
          if (!nextCursor) return;
          const gen = logGeneration;
          const page = await fetchLog(nextCursor);
          if (gen !== logGeneration) return;
          const l = get().log;
          const seen = new Set(l.items.map((x) => x.id));
          set({
            log: {
              items: [...l.items, ...page.items.filter((x) => !seen.has(x.id))],
              stats: l.stats,
              nextCursor: page.nextCursor,
            },
          });
        },
        putRules: (rules) => set({ rules }),
        putAgent(a) {
          if (a) set({ agents: upsert(get().agents, a) });
        },
        setError: (error) => set({ error }),
        async run(fn) {
          set({ error: null });
          try {
            return await fn();
          } catch (err) {
            set({ error: errorText(err) });
            return undefined;
          }
        },
        async startBoth(anyPort) {
          // Callable before the Demo agents screen has loaded (the empty Captures screen's button).
          if (get().agents.length === 0) await get().loadAgents();
          await get().run(async () => {
            const failed: string[] = [];
            for (const a of get().agents) {
              if (a.status === 'running') continue;
              try {
                get().putAgent(
                  await api.startDemoAgent({ name: a.name, ...(anyPort ? { port: 0 } : {}) }),
                );
              } catch (err) {
                failed.push(errorText(err));
              }
            }
            if (failed.length) throw new Error(failed.join(' '));
          });
        },
        applyBatch(batch) {
          const s = get();
          let { agents, rules, log } = s;
          for (const e of batch) {
            loads.saw(e);
            if (e.type === 'demo-agent') agents = upsert(agents, e.agent);
            else if (e.type === 'response-rules') rules = e.rules;
            else if (
              e.type === 'delivery' &&
              s.logLoaded &&
              (!s.filter || e.attempt.agent === s.filter)
            )
              log = withAttempt(log, e.attempt);
          }
          if (agents !== s.agents || rules !== s.rules || log !== s.log)
            set({ agents, rules, log });
        },
      },
    };
  };
