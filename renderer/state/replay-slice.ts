// Replay slice (under `replay`): the bulk replay under way (started here, advanced by
// 'replay-progress' events, cancellable) and the one-shot replay operations its panels call
// (single replays, history, handler report, HAR), so no view holds the bridge.
import type { SwitchboardApi } from '../../shared/api';
import type { BulkProgress } from '../../shared/api/replay';
import type { EngineEvent } from '../../shared/events';
import { nested, pickOps } from './nested-slice';
import type { SliceCreator } from './types';

const REPLAY_OPS = [
  'replayCapture',
  'getReplay',
  'recentTargets',
  'listReplays',
  'handlerReport',
  'importHar',
  'exportHar',
] as const;
export type ReplayOps = Pick<SwitchboardApi, (typeof REPLAY_OPS)[number]>;
type BulkArgs = Parameters<SwitchboardApi['startBulkReplay']>[0];

export interface ReplayState {
  ops: ReplayOps;
  /** The bulk replay started last (null before one, or after a failed start). */
  bulk: BulkProgress | null;
  /** Starts a bulk replay; a failed start clears the previous progress and throws. */
  startBulk(args: BulkArgs): Promise<void>;
  cancelBulk(): Promise<void>;
  applyBatch(batch: EngineEvent[]): void;
}

export interface ReplaySlice {
  replay: ReplayState;
}

export const createReplaySlice =
  (api: SwitchboardApi): SliceCreator<ReplaySlice> =>
  (setApp, getApp) => {
    const [set, get] = nested('replay', setApp, getApp);
    /** Progress of runs not known yet (their start has not answered), a few at most. */
    const early = new Map<string, BulkProgress>();
    const remember = (p: BulkProgress) => {
      early.delete(p.bulkId);
      early.set(p.bulkId, p);
      if (early.size > 8) early.delete(early.keys().next().value as string);
    };
    return {
      replay: {
        ops: pickOps(api, REPLAY_OPS),
        bulk: null,
        async startBulk(args) {
          set({ bulk: null });
          const started = await api.startBulkReplay(args);
          // A short run may finish before its start answers: its events came first.
          const seen = early.get(started.bulkId);
          early.clear();
          set({ bulk: seen && isLater(seen, started) ? seen : started });
        },
        async cancelBulk() {
          const bulk = get().bulk;
          if (bulk) set({ bulk: await api.cancelBulkReplay({ bulkId: bulk.bulkId }) });
        },
        applyBatch(batch) {
          let bulk = get().bulk;
          for (const e of batch) {
            if (e.type !== 'replay-progress') continue;
            if (bulk && bulk.bulkId === e.progress.bulkId) bulk = e.progress;
            else remember(e.progress);
          }
          if (bulk !== get().bulk) set({ bulk });
        },
      },
    };
  };

/** True when `a` is a later snapshot of the same run than `b`. */
function isLater(a: BulkProgress, b: BulkProgress): boolean {
  return (a.state !== 'running' && b.state === 'running') || a.done > b.done;
}
