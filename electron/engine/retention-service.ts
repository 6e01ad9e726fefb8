// Runs retention in the background: shortly after start, every 10 minutes, and whenever a
// retention setting changes; one run at a time. Serves the store size and the last run.
import type { EngineHandlers } from '../../shared/api';
import type { StoreInfo } from '../../shared/model';
import type { EngineContext } from './context';
import { applyRetention, storeSize, type RetentionResult } from './store/retention';

const EVERY_MS = 10 * 60 * 1000;
const FIRST_DELAY_MS = 5_000;

export interface RetentionService {
  handlers: Pick<EngineHandlers, 'getStoreInfo' | 'applyRetention'>;
  start(): void;
  stop(): Promise<void>;
}

export function createRetentionService(ctx: EngineContext): RetentionService {
  let last: RetentionResult | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const info = (): StoreInfo => ({ ...storeSize(ctx.db), lastRetention: last });
  const run = (): Promise<void> => {
    running ??= applyRetention(
      ctx.db,
      ctx.settings.get(),
      Date.now(),
      () => ctx.db.open && !stopped,
    )
      .then((r) => void (last = r))
      .catch((err: Error) => ctx.log(`retention failed: ${err.message}`))
      .finally(() => (running = null));
    return running;
  };
  let previous = JSON.stringify(retentionOf(ctx.settings.get()));
  const off = ctx.settings.onChange((s) => {
    const next = JSON.stringify(retentionOf(s));
    if (next === previous) return;
    previous = next;
    void run();
  });
  return {
    handlers: {
      getStoreInfo: async () => info(),
      applyRetention: async () => {
        await run();
        return info();
      },
    },
    start() {
      timers.push(setTimeout(() => void run(), FIRST_DELAY_MS).unref());
      timers.push(setInterval(() => void run(), EVERY_MS).unref());
    },
    async stop() {
      stopped = true;
      off();
      for (const t of timers) clearTimeout(t);
      await running;
    },
  };
}

function retentionOf(s: ReturnType<EngineContext['settings']['get']>) {
  return [s.retentionMaxBytes, s.retentionMaxAgeDays, s.retentionIncludeCaptures];
}
