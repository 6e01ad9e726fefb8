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
    return {
      replay: {
        ops: pickOps(api, REPLAY_OPS),
        bulk: null,
        async startBulk(args) {
          set({ bulk: null });
          set({ bulk: await api.startBulkReplay(args) });
        },
        async cancelBulk() {
          const bulk = get().bulk;
          if (bulk) set({ bulk: await api.cancelBulkReplay({ bulkId: bulk.bulkId }) });
        },
        applyBatch(batch) {
          let bulk = get().bulk;
          for (const e of batch) {
            if (e.type === 'replay-progress' && bulk && bulk.bulkId === e.progress.bulkId)
              bulk = e.progress;
          }
          if (bulk !== get().bulk) set({ bulk });
        },
      },
    };
  };
