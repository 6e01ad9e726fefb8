// The captures list for the API: filters an index serves (verdict, task, source) are one query;
// filters that read every row's text (search, path) scan the store in windows of ids, newest
// first, with a yield between windows. Why: a search that matches little reads the whole table,
// 570 ms for 200,000 captures in one statement, and the receiver could not answer meanwhile.
// The page is the same as the one-query list's: `limit` items, and a cursor when more match.
// `after` bounds it from below: a live view with a search asks only for what arrived since.
// Oldest first, the page is the `limit` matches right above `after`: a view paged deep into
// history asks for the rows just newer than its head.
import type { CaptureSummary, Page } from '../../../shared/model';
import { pageOf, type CaptureFilter, type CapturesRepo } from '../store/captures-repo';

/** Ids per window: a few milliseconds of reading rows on a slow machine. */
export const SCAN_WINDOW = 2_000;

const pause = () => new Promise<void>((r) => setImmediate(r));

/** Where a page starts: below `cursor` (the previous page's last id), above `after`; newest
 *  first unless `order` is 'oldest' (then the next page starts above the last id: pass the
 *  page's cursor as `after`). */
export interface PageBounds {
  cursor?: string | undefined;
  after?: number | undefined;
  order?: 'newest' | 'oldest' | undefined;
}

export async function listCaptures(
  captures: Pick<CapturesRepo, 'range' | 'idSpan'>,
  filter: CaptureFilter,
  limit: number,
  { cursor, after, order }: PageBounds = {},
): Promise<Page<CaptureSummary>> {
  const below = cursor ? Number(cursor) : null;
  const floor = after === undefined ? null : after + 1;
  const oldestFirst = order === 'oldest';
  // One more than the page: whether there is a next page.
  if (!filter.q && !filter.path)
    return pageOf(captures.range(filter, limit + 1, below, floor, oldestFirst), limit);
  const span = captures.idSpan();
  if (span.lo === null || span.hi === null) return { items: [], nextCursor: null };
  // Windows of ids [from, to), from one end of [lo, hi) towards the other.
  let lo = Math.max(span.lo, floor ?? 0);
  let hi = Math.min(below ?? Infinity, span.hi + 1);
  const found: CaptureSummary[] = [];
  while (lo < hi) {
    const from = oldestFirst ? lo : Math.max(lo, hi - SCAN_WINDOW);
    const to = oldestFirst ? Math.min(hi, lo + SCAN_WINDOW) : hi;
    found.push(...captures.range(filter, limit + 1 - found.length, to, from, oldestFirst));
    if (found.length > limit) break;
    if (oldestFirst) lo = to;
    else hi = from;
    if (lo < hi) await pause();
  }
  return pageOf(found, limit);
}
