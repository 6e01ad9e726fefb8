// Audit slice (under `audit`): the receiver's audit log, newest first, loaded when the Audit
// screen opens, older pages on demand, and live 'audit' entries put on top once loaded (those
// that arrive while it loads, over the page it gets).
import type { SwitchboardApi } from '../../shared/api';
import { errorText } from '../../shared/error-text';
import type { EngineEvent } from '../../shared/events';
import type { AuditEntry } from '../../shared/model';
import { createLoadTracker } from './live-during-load';
import { nested } from './nested-slice';
import type { SliceCreator } from './types';

const PAGE = 200;

export interface AuditState {
  items: AuditEntry[];
  /** Older entries exist past this cursor. */
  cursor: string | null;
  loaded: boolean;
  error: string | null;
  load(): Promise<void>;
  loadOlder(): Promise<void>;
  applyBatch(batch: EngineEvent[]): void;
}

export interface AuditSlice {
  audit: AuditState;
}

export const createAuditSlice =
  (api: SwitchboardApi): SliceCreator<AuditSlice> =>
  (setApp, getApp) => {
    const [set, get] = nested('audit', setApp, getApp);
    let generation = 0;
    const loads = createLoadTracker<AuditEntry>();
    const withEntry = (items: AuditEntry[], entry: AuditEntry) =>
      items.some((x) => x.id === entry.id) ? items : [entry, ...items];
    return {
      audit: {
        items: [],
        cursor: null,
        loaded: false,
        error: null,
        async load() {
          const gen = ++generation;
          try {
            const page = await loads.read(
              () => api.listAudit({ limit: PAGE }),
              (p, entry) => ({ ...p, items: withEntry(p.items, entry) }),
            );
            if (gen === generation)
              set({ items: page.items, cursor: page.nextCursor, loaded: true, error: null });
          } catch (err) {
            if (gen === generation) set({ error: errorText(err) });
          }
        },
        async loadOlder() {
          const from = get().cursor;
          if (!from) return;
          const gen = generation;
          try {
            const page = await api.listAudit({ limit: PAGE, cursor: from });
            if (gen !== generation) return;
            set({ items: [...get().items, ...page.items], cursor: page.nextCursor });
          } catch (err) {
            set({ error: errorText(err) });
          }
        },
        applyBatch(batch) {
          const fresh = batch.flatMap((e) => (e.type === 'audit' ? [e.entry] : []));
          for (const entry of fresh) loads.saw(entry);
          if (fresh.length && get().loaded) set({ items: [...fresh.reverse(), ...get().items] });
        },
      },
    };
  };
