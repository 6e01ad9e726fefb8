// Selection slice: the captures marked for bulk actions (shift/ctrl-click, Space, Shift+arrows)
// and deleting with Undo. A deletion hides the rows at once and only reaches the store when the
// Undo toast expires; Undo cancels it and reloads the rows from the store, where they never left.
import { errorText } from '../../shared/error-text';
import type { SwitchboardApi } from '../../shared/api';
import { removeIds, withItems } from './captures-window';
import type { SliceCreator } from './types';

export const UNDO_MS = 8000;

export interface SelectionSlice {
  /** Capture ids marked for bulk actions, in the order they were marked. */
  marked: number[];
  /** Where a shift-click range starts. */
  markAnchor: number | null;
  toggleMark(id: number): void;
  /** Marks every loaded row between the anchor (or `from`) and `to`. */
  markRange(to: number, from?: number): void;
  setMarked(ids: number[]): void;
  clearMarks(): void;
  /** Hides `ids` now, deletes them from the store unless Undo is pressed within UNDO_MS. */
  deleteWithUndo(ids: number[]): void;
  /** The captures the Replay screen works on (handler report, bulk replay, HAR export). */
  replayIds: number[];
  /** Opens the Replay screen on these captures (from the detail toolbar or the marked rows). */
  openReplayWith(ids: number[]): void;
}

export const createSelectionSlice =
  (api: SwitchboardApi): SliceCreator<SelectionSlice> =>
  (set, get) => ({
    marked: [],
    markAnchor: null,
    toggleMark(id) {
      const m = get().marked;
      set({
        marked: m.includes(id) ? m.filter((x) => x !== id) : [...m, id],
        markAnchor: id,
      });
    },
    markRange(to, from) {
      const ids = get().items.map((c) => c.id);
      // Without an anchor the range starts at the keyboard cursor (the row last clicked).
      const anchor = from ?? get().markAnchor ?? get().activeId ?? to;
      const start = ids.indexOf(anchor);
      const end = ids.indexOf(to);
      if (end < 0) return;
      const [a, b] = start < 0 ? [end, end] : [Math.min(start, end), Math.max(start, end)];
      const range = ids.slice(a, b + 1);
      set({
        marked: [...new Set([...get().marked, ...range])],
        markAnchor: anchor,
      });
    },
    setMarked: (marked) => set({ marked }),
    replayIds: [],
    openReplayWith(ids) {
      set({ replayIds: ids });
      get().setView('replay');
    },
    clearMarks: () => set({ marked: [], markAnchor: null }),
    deleteWithUndo(ids) {
      if (ids.length === 0) return;
      const gone = new Set(ids);
      const s = get();
      set({
        ...withItems(s, removeIds(s.items, gone)),
        marked: s.marked.filter((x) => !gone.has(x)),
        total: Math.max(0, s.total - ids.length),
      });
      if (s.selectedId !== null && gone.has(s.selectedId)) s.select(null);
      let undone = false;
      const timer = setTimeout(() => {
        if (undone) return;
        Promise.all(ids.map((id) => api.deleteCapture({ id }))).catch((err: unknown) => {
          get().showToast(`Delete failed: ${errorText(err)}`, 'error');
          void get().loadFirstPage();
        });
      }, UNDO_MS);
      const what = ids.length === 1 ? 'capture' : `${ids.length} captures`;
      get().showToast(
        `Deleted ${what}`,
        'info',
        {
          label: 'Undo',
          run: () => {
            undone = true;
            clearTimeout(timer);
            void get().loadFirstPage();
            get().showToast(`Restored ${what}`);
          },
        },
        UNDO_MS,
      );
    },
  });
