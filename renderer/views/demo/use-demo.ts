// State of the Demo agents screen: both agents, the delivery log (filtered by agent, live from
// 'delivery' events with its stats updated in place), the saved response rules and the receiver
// URL. Loads on connect (and reconnect), then follows engine batches; a failed call becomes
// `error` (shown as text).
import { useCallback, useEffect, useState } from 'react';
import type {
  DeliveryAttempt,
  DeliveryStats,
  DemoAgentInfo,
  DemoAgentName,
  ResponseRule,
} from '../../../shared/model';
import { getApi, onEngineBatch, useApp } from '../../state/store';
import { addAttempt } from './demo-model';

const EMPTY_STATS: DeliveryStats = {
  deliveries: 0,
  delivered: 0,
  failed: 0,
  attempts: 0,
  successRate: null,
};

interface Log {
  items: DeliveryAttempt[];
  stats: DeliveryStats;
  /** Older attempts exist past this cursor (listDeliveries pages newest first). */
  nextCursor: string | null;
}

export const errorText = (err: unknown): string =>
  err instanceof Error ? err.message : String(err);

export function useDemo() {
  const api = getApi();
  const live = useApp((st) => st.connection === 'open');
  const [agents, setAgents] = useState<DemoAgentInfo[]>([]);
  const [receiverUrl, setReceiverUrl] = useState('http://127.0.0.1:9000');
  const [filter, setFilter] = useState<DemoAgentName | ''>('');
  const [log, setLog] = useState<Log>({ items: [], stats: EMPTY_STATS, nextCursor: null });
  const [rules, setRules] = useState<ResponseRule[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const fetchLog = useCallback(
    (cursor?: string) =>
      api.listDeliveries({ limit: 200, ...(filter ? { agent: filter } : {}), cursor }),
    [api, filter],
  );
  const loadLog = useCallback(async () => setLog(await fetchLog()), [fetchLog]);
  const loadOlder = useCallback(async () => {
    if (!log.nextCursor) return;
    const page = await fetchLog(log.nextCursor);
    setLog((l) => {
      const seen = new Set(l.items.map((x) => x.id));
      return {
        items: [...l.items, ...page.items.filter((x) => !seen.has(x.id))],
        stats: l.stats,
        nextCursor: page.nextCursor,
      };
    });
  }, [fetchLog, log.nextCursor]);

  // Loads when the engine connection is open, and again after a reconnect (events sent while
  // disconnected are lost). `stale` drops an answer overtaken by a newer filter or reconnect.
  useEffect(() => {
    if (!live) return;
    let stale = false;
    Promise.all([api.listDemoAgents({}), api.listResponseRules({}), api.receiverInfo({})]).then(
      ([a, r, info]) => {
        if (stale) return;
        setAgents(a);
        setRules(r);
        setReceiverUrl(info.url.replace(/\/$/, ''));
      },
      (err: unknown) => setError(errorText(err)),
    );
    return () => {
      stale = true;
    };
  }, [api, live]);

  useEffect(() => {
    if (!live) return;
    let stale = false;
    fetchLog().then(
      (page) => !stale && setLog(page),
      (err: unknown) => setError(errorText(err)),
    );
    const off = onEngineBatch((batch) => {
      for (const e of batch) {
        if (e.type === 'demo-agent')
          setAgents((list) => list.map((a) => (a.name === e.agent.name ? e.agent : a)));
        else if (e.type === 'response-rules') setRules(e.rules);
        else if (e.type === 'delivery' && (!filter || e.attempt.agent === filter))
          setLog((l) => ({ ...l, ...addAttempt(l.items, l.stats, e.attempt, 5000) }));
      }
    });
    return () => {
      stale = true;
      off();
    };
  }, [fetchLog, filter, live]);

  /** Runs an engine call; its error (e.g. 409 port busy) is shown, the result returned. */
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    setError(null);
    try {
      return await fn();
    } catch (err) {
      setError(errorText(err));
      return undefined;
    }
  }, []);

  const putAgent = (a: DemoAgentInfo | undefined) => {
    if (a) setAgents((list) => list.map((x) => (x.name === a.name ? a : x)));
  };
  /** Starts every agent not running (on its default port, or any free one); one that fails (e.g. its port is busy) does not stop the
   *  other, and each failure is reported in the engine's words. */
  const startBoth = (anyPort: boolean) =>
    run(async () => {
      const failed: string[] = [];
      for (const a of agents) {
        if (a.status === 'running') continue;
        try {
          putAgent(await api.startDemoAgent({ name: a.name, ...(anyPort ? { port: 0 } : {}) }));
        } catch (err) {
          failed.push(errorText(err));
        }
      }
      if (failed.length) throw new Error(failed.join(' '));
    });

  return {
    api,
    agents,
    receiverUrl,
    filter,
    setFilter,
    log,
    rules,
    putRules: setRules,
    error,
    setError,
    run,
    putAgent,
    startBoth,
    loadLog,
    loadOlder,
  };
}
export type DemoState = ReturnType<typeof useDemo>;
