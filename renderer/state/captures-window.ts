// Pure helpers for the bounded window of capture summaries the renderer keeps in memory.
// Invariants: items are sorted newest first (id descending), ids are unique, and the window never
// holds more than `max` items; whatever is trimmed stays in the store and is paged back on demand.
import type { CaptureOrigin, CaptureSummary, Verdict } from '../../shared/model';

export const WINDOW_MAX = 2000;
export const PAGE_SIZE = 200;

export interface CaptureFilters {
  verdict: Verdict | '';
  taskId: string;
  q: string;
  origin: CaptureOrigin | '';
}

export const NO_FILTERS: CaptureFilters = { verdict: '', taskId: '', q: '', origin: '' };

export const isFiltering = (f: CaptureFilters) =>
  f.verdict !== '' || f.q !== '' || f.taskId !== '' || f.origin !== '';

/** Filters the engine can't be asked about per event (free text searches headers and body). */
export function needsServerMatch(f: CaptureFilters): boolean {
  return f.q.trim() !== '';
}

/** Whether a summary passes the verdict and task filters (the text filter is the server's job). */
export function matchesLocal(c: CaptureSummary, f: CaptureFilters): boolean {
  if (f.verdict && c.verdict !== f.verdict) return false;
  if (f.origin && c.source !== f.origin) return false;
  if (f.taskId.trim() && c.taskId !== f.taskId.trim()) return false;
  return true;
}

/** Merges newer captures into the head; trims the tail past `max`. */
export function mergeNewer(
  items: CaptureSummary[],
  incoming: CaptureSummary[],
  max = WINDOW_MAX,
): { items: CaptureSummary[]; trimmedTail: boolean } {
  if (incoming.length === 0) return { items, trimmedTail: false };
  const head = items[0];
  // Live captures are newer than every loaded one: then none can be a duplicate, and no set of
  // the whole window (up to WINDOW_MAX ids) is built for each frame's batch.
  const allNewer = !head || incoming.every((c) => c.id > head.id);
  const known = allNewer ? null : new Set(items.map((c) => c.id));
  const fresh = known ? incoming.filter((c) => !known.has(c.id)) : incoming.slice();
  if (fresh.length === 0) return { items, trimmedTail: false };
  fresh.sort((a, b) => b.id - a.id);
  let merged: CaptureSummary[];
  if (!head || (fresh[fresh.length - 1]?.id ?? 0) > head.id) merged = fresh.concat(items);
  else merged = fresh.concat(items).sort((a, b) => b.id - a.id);
  if (merged.length <= max) return { items: merged, trimmedTail: false };
  return { items: merged.slice(0, max), trimmedTail: true };
}

/** Appends an older page; trims the head past `max` (the user scrolled deep into history). */
export function appendOlder(
  items: CaptureSummary[],
  page: CaptureSummary[],
  max = WINDOW_MAX,
): { items: CaptureSummary[]; trimmedHead: number } {
  const known = new Set(items.map((c) => c.id));
  const merged = items.concat(page.filter((c) => !known.has(c.id)));
  if (merged.length <= max) return { items: merged, trimmedHead: 0 };
  const drop = merged.length - max;
  return { items: merged.slice(drop), trimmedHead: drop };
}

/** Replaces summaries in place; drops those that no longer pass the local filters. */
export function applyUpdates(
  items: CaptureSummary[],
  updates: Map<number, CaptureSummary>,
  f: CaptureFilters,
): CaptureSummary[] {
  if (updates.size === 0) return items;
  let changed = false;
  const out: CaptureSummary[] = [];
  for (const c of items) {
    const u = updates.get(c.id);
    if (!u) out.push(c);
    else {
      changed = true;
      if (matchesLocal(u, f)) out.push(u);
    }
  }
  return changed ? out : items;
}

export function removeIds(items: CaptureSummary[], ids: Set<number>): CaptureSummary[] {
  if (ids.size === 0) return items;
  const out = items.filter((c) => !ids.has(c.id));
  return out.length === items.length ? items : out;
}

/** Index of the capture `id` in a window (newest first), or -1: a binary search. */
function indexOfId(items: CaptureSummary[], id: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = items[mid]?.id ?? 0;
    if (at === id) return mid;
    if (at > id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** How far the rows moved down from one window to the next: rows put above the old head
 *  (positive), or the rows above the new head that were dropped (negative, a trimmed head or a
 *  deleted newest capture); 0 when the two share no head (a new first page). A list scrolled
 *  into history moves its view by as many rows, so the rows under the reader stay put.
 *  With `anchorId`, the row at the top of the view, the shift is counted there instead: rows put
 *  above it minus rows removed above it (so deleting rows between the head and the view counts
 *  too). If the anchor itself went, the first row below it that stayed takes its place. */
export function headShift(
  prev: CaptureSummary[],
  next: CaptureSummary[],
  anchorId: number | null = null,
): number {
  const at = anchorId === null ? -1 : indexOfId(prev, anchorId);
  if (at >= 0) {
    for (let i = at; i < prev.length; i++) {
      const now = indexOfId(next, prev[i]!.id);
      // The rows from the anchor down to this one were removed: none of them was above it.
      if (now >= 0) return now - at;
    }
  }
  const oldHead = prev[0];
  const newHead = next[0];
  if (!oldHead || !newHead || oldHead.id === newHead.id) return 0;
  const above = indexOfId(next, oldHead.id);
  if (above >= 0) return above;
  const dropped = indexOfId(prev, newHead.id);
  return dropped >= 0 ? -dropped : 0;
}

/** The running head shifts of a window: `headShift` counts every row put above its head (or
 *  the view's first row) or removed from above it; `liveShift` the part of it that live
 *  captures put there (a view at the very top shows those rows rather than following the rows
 *  it showed). */
export interface HeadShifts {
  headShift: number;
  liveShift: number;
}

/** The state update that puts `next` in place of a window, with its running head shifts;
 *  `live`: the new rows above the head are live captures; `anchorId`: the row at the top of the
 *  list's view (see headShift). */
export function withItems(
  s: { items: CaptureSummary[] } & HeadShifts,
  next: CaptureSummary[],
  live = false,
  anchorId: number | null = null,
): { items: CaptureSummary[] } & HeadShifts {
  const moved = headShift(s.items, next, anchorId);
  return {
    items: next,
    headShift: s.headShift + moved,
    liveShift: s.liveShift + (live ? Math.max(0, moved) : 0),
  };
}

/** Cursor to page older than the window's last item. */
export function cursorAfter(items: CaptureSummary[]): string | null {
  const last = items[items.length - 1];
  return last ? String(last.id) : null;
}
