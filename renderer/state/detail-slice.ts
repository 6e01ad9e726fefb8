// Detail slice: the selected capture, its full record (headers, checks) and its exact bytes,
// fetched on demand (bytes are never kept for the whole list). Re-fetched when the engine reports
// the capture re-verified; cleared when it is deleted.
import { errorText } from '../../shared/error-text';
import type { SwitchboardApi } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import type { CaptureDetail } from '../../shared/model';
import type { SliceCreator } from './types';

export interface DetailSlice {
  selectedId: number | null;
  detail: CaptureDetail | null;
  body: Uint8Array | null;
  detailLoading: boolean;
  detailError: string | null;
  select(id: number | null): void;
  reloadDetail(): Promise<void>;
  applyDetailEvents(batch: EngineEvent[]): void;
}

export const createDetailSlice =
  (api: SwitchboardApi): SliceCreator<DetailSlice> =>
  (set, get) => {
    let generation = 0;
    return {
      selectedId: null,
      detail: null,
      body: null,
      detailLoading: false,
      detailError: null,

      select(id) {
        if (id === get().selectedId) return;
        set({ selectedId: id, detail: null, body: null, detailError: null });
        if (id !== null) void get().reloadDetail();
      },

      async reloadDetail() {
        const id = get().selectedId;
        if (id === null) return;
        const gen = ++generation;
        set({ detailLoading: true });
        try {
          const [detail, body] = await Promise.all([
            api.getCapture({ id }),
            api.getCaptureBody({ id }),
          ]);
          if (gen !== generation) return;
          set({ detail, body, detailLoading: false, detailError: null });
        } catch (err) {
          if (gen !== generation) return;
          set({
            detailLoading: false,
            detailError: errorText(err),
          });
        }
      },

      applyDetailEvents(batch) {
        const id = get().selectedId;
        if (id === null) return;
        let reload = false;
        for (const e of batch) {
          if (e.type === 'capture-updated' && e.capture.id === id) reload = true;
          if (e.type === 'capture-deleted' && (e.id === 'all' || e.id === id)) {
            generation++;
            set({ selectedId: null, detail: null, body: null, detailError: null });
            return;
          }
        }
        if (reload) void get().reloadDetail();
      },
    };
  };
