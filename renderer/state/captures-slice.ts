// Captures slice: the bounded window of summaries shown in the live list, the filters, paging
// from the store (older at the tail; newer at the head once paging deep has trimmed it) and the
// application of engine events. Loads are tagged with a generation number so a slow response
// for old filters never overwrites the result for new ones.
import { errorText } from '../../shared/error-text';
import type { SwitchboardApi } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import type { CaptureSummary, Page } from '../../shared/model';
import {
  appendOlder,
  applyUpdates,
  cursorAfter,
  matchesLocal,
  mergeNewer,
  needsServerMatch,
  NO_FILTERS,
  PAGE_SIZE,
  removeIds,
  withItems,
  type CaptureFilters,
  type HeadShifts,
} from './captures-window';
import type { SliceCreator } from './types';

export interface CapturesSlice {
  items: CaptureSummary[];
  /** Rows put above the list's view (its first row, or the head when no list shows) minus rows
   *  removed from above it, running, and the part of it live captures put there
   *  (captures-window.ts): the list moves its view by them. */
  headShift: number;
  liveShift: number;
  total: number;
  filters: CaptureFilters;
  loading: boolean;
  /** The first page has arrived at least once (so an empty list really means empty). */
  loaded: boolean;
  loadError: string | null;
  /** Older captures exist in the store beyond the window. */
  olderCursor: string | null;
  /** The window no longer starts at the newest capture (the user paged deep). */
  headTrimmed: boolean;
  /** Live captures that arrived while the head was trimmed. */
  missedLive: number;
  loadFirstPage(): Promise<void>;
  loadOlder(): Promise<void>;
  /** With the head trimmed: the page of captures right above the loaded head. */
  loadNewer(): Promise<void>;
  refreshHead(): Promise<void>;
  setFilters(patch: Partial<CaptureFilters>): void;
  /** Deletes from the store; the engine's capture-deleted event updates the list. */
  deleteCapture(id: number): Promise<void>;
  clearCaptures(): Promise<number>;
  applyCaptureEvents(batch: EngineEvent[]): void;
  /** The list tells which row its view starts at (read when the rows change, so scrolling costs
   *  nothing); null when no list shows. Rows removed above that row then move the view too. */
  setViewRow(viewRow: (() => number) | null): void;
}

const filterArgs = (f: CaptureFilters) => ({
  verdict: f.verdict || undefined,
  taskId: f.taskId.trim() || undefined,
  q: f.q.trim() || undefined,
  source: f.origin || undefined,
});

export const createCapturesSlice =
  (api: SwitchboardApi): SliceCreator<CapturesSlice> =>
  (set, get) => {
    let generation = 0;
    let refreshTimer: ReturnType<typeof setTimeout> | null = null;
    // Under a text search: the lowest id of the live captures the store has not matched yet
    // (the refresh asks only for those, not for a scan of the whole store).
    let unmatchedFrom: number | null = null;

    /** Pages one edge of the window in: asks for a page under the current filters and applies
     *  it, unless the filters changed meanwhile. Answers whether it was applied. */
    const pageIn = async (
      bounds: { cursor?: string; after?: number; order?: 'oldest' },
      apply: (page: Page<CaptureSummary>) => Partial<CapturesSlice>,
    ): Promise<boolean> => {
      const gen = generation;
      set({ loading: true });
      try {
        const page = await api.listCaptures({
          limit: PAGE_SIZE,
          ...bounds,
          ...filterArgs(get().filters),
        });
        if (gen !== generation) return false;
        set({ ...apply(page), loading: false });
        return true;
      } catch (err) {
        if (gen === generation) set({ loading: false, loadError: errorText(err) });
        return false;
      }
    };

    let viewRow: (() => number) | null = null;
    /** The capture at the top of the list's view, where shifts are counted (captures-window). */
    const anchor = (): number | null => (viewRow ? (get().items[viewRow()]?.id ?? null) : null);

    return {
      items: [],
      headShift: 0,
      liveShift: 0,
      total: 0,
      filters: NO_FILTERS,
      loading: false,
      loaded: false,
      loadError: null,
      olderCursor: null,
      headTrimmed: false,
      missedLive: 0,

      async loadFirstPage() {
        const gen = ++generation;
        unmatchedFrom = null;
        set({ loading: true, loadError: null });
        try {
          const [page, count] = await Promise.all([
            api.listCaptures({ limit: PAGE_SIZE, ...filterArgs(get().filters) }),
            api.countCaptures({}),
          ]);
          if (gen !== generation) return;
          set({
            ...withItems(get(), page.items),
            olderCursor: page.nextCursor,
            total: count.count,
            headTrimmed: false,
            missedLive: 0,
            loading: false,
            loaded: true,
          });
        } catch (err) {
          if (gen === generation) set({ loading: false, loadError: errorText(err) });
        }
      },

      async loadOlder() {
        const { olderCursor, loading } = get();
        if (!olderCursor || loading) return;
        await pageIn({ cursor: olderCursor }, (page) => {
          const { items, trimmedHead } = appendOlder(get().items, page.items);
          return {
            ...withItems(get(), items, false, anchor()),
            olderCursor: page.nextCursor,
            headTrimmed: get().headTrimmed || trimmedHead > 0,
          };
        });
      },

      async loadNewer() {
        const { items, headTrimmed, loading } = get();
        const head = items[0];
        if (!headTrimmed || loading || !head) return;
        let reachedNewest = false;
        const applied = await pageIn({ after: head.id, order: 'oldest' }, (page) => {
          const merged = mergeNewer(get().items, page.items);
          reachedNewest = page.nextCursor === null;
          return {
            ...withItems(get(), merged.items, false, anchor()),
            olderCursor: merged.trimmedTail ? cursorAfter(merged.items) : get().olderCursor,
            headTrimmed: !reachedNewest,
            missedLive: reachedNewest ? 0 : get().missedLive,
          };
        });
        // Live captures were not applied while the head was trimmed: ask for any that arrived
        // after this page was read.
        if (applied && reachedNewest) void get().refreshHead();
      },

      async refreshHead() {
        if (get().headTrimmed) return;
        const gen = generation;
        const from = unmatchedFrom;
        unmatchedFrom = null;
        try {
          const page = await api.listCaptures({
            limit: PAGE_SIZE,
            ...filterArgs(get().filters),
            ...(from !== null ? { after: from - 1 } : {}),
          });
          if (gen !== generation || get().headTrimmed) return;
          const merged = mergeNewer(get().items, page.items);
          if (merged.items === get().items) return;
          set({
            ...withItems(get(), merged.items, true, anchor()),
            olderCursor: merged.trimmedTail ? cursorAfter(merged.items) : get().olderCursor,
          });
        } catch (err) {
          if (gen !== generation) return;
          // Asked again with the next live batch, from the same place.
          if (from !== null) unmatchedFrom = Math.min(unmatchedFrom ?? from, from);
          set({ loadError: errorText(err) });
        }
      },

      setFilters(patch) {
        set({ filters: { ...get().filters, ...patch } });
        void get().loadFirstPage();
      },

      async deleteCapture(id) {
        await api.deleteCapture({ id });
      },

      async clearCaptures() {
        const { deleted } = await api.clearCaptures({});
        return deleted;
      },

      setViewRow(provider) {
        viewRow = provider;
      },

      applyCaptureEvents(batch) {
        const s = get();
        const added: CaptureSummary[] = [];
        const updates = new Map<number, CaptureSummary>();
        const deleted = new Set<number>();
        let total = s.total;
        let clearedAll = false;
        let missed = 0;
        for (const e of batch) {
          if (e.type === 'capture') {
            total += 1;
            if (s.headTrimmed) missed += 1;
            else if (matchesLocal(e.capture, s.filters)) added.push(e.capture);
          } else if (e.type === 'capture-updated') updates.set(e.capture.id, e.capture);
          else if (e.type === 'capture-deleted') {
            if (e.id === 'all') {
              clearedAll = true;
              total = 0;
              added.length = 0;
            } else {
              deleted.add(e.id);
              total = Math.max(0, total - 1);
            }
          }
        }
        if (clearedAll) {
          set({ items: [], total: 0, olderCursor: null, headTrimmed: false, missedLive: 0 });
          return;
        }
        let next: { items: CaptureSummary[] } & HeadShifts = s;
        // One anchor for both steps: the row is the same one after the live rows are put in.
        const anchorId = anchor();
        let olderCursor = s.olderCursor;
        if (needsServerMatch(s.filters)) {
          // Free text also searches headers and body, which summaries don't carry: ask the store.
          for (const c of added) unmatchedFrom = Math.min(unmatchedFrom ?? c.id, c.id);
          if (added.length > 0 && !refreshTimer) {
            refreshTimer = setTimeout(() => {
              refreshTimer = null;
              void get().refreshHead();
            }, 250);
          }
        } else {
          const merged = mergeNewer(s.items, added);
          next = withItems(s, merged.items, true, anchorId);
          if (merged.trimmedTail) olderCursor = cursorAfter(merged.items);
        }
        const kept = removeIds(applyUpdates(next.items, updates, s.filters), deleted);
        next = withItems(next, kept, false, anchorId);
        set({ ...next, total, olderCursor, missedLive: s.missedLive + missed });
      },
    };
  };
