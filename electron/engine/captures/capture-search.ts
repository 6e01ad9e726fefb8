// The captures list for the API: filters an index serves (verdict, task, source) are one query;
// filters that read every row's text (search, path) scan the store in windows of ids, newest
// first, with a yield between windows. Why: a search that matches little reads the whole table,
// 570 ms for 200,000 captures in one statement, and the receiver could not answer meanwhile.
// The page is the same as the one-query list's: `limit` items, and a cursor when more match.
// `after` bounds it from below: a live view with a search asks only for what arrived since.
import type { CaptureSummary, Page } from '../../../shared/model';
import { pageOf, type CaptureFilter, type CapturesRepo } from '../store/captures-repo';

/** Ids per window: a few milliseconds of reading rows on a slow machine. */
export const SCAN_WINDOW = 2_000;

const pause = () => new Promise<void>((r) => setImmediate(r));

/** Where a page starts: below `cursor` (the previous page's last id), above `after`. */
export interface PageBounds {
  cursor?: string | undefined;
  after?: number | undefined;
}

export async function listCaptures(
  captures: Pick<CapturesRepo, 'range' | 'idSpan'>,
  filter: CaptureFilter,
  limit: number,
  { cursor, after }: PageBounds = {},
): Promise<Page<CaptureSummary>> {
  const below = cursor ? Number(cursor) : null;
  const floor = after === undefined ? null : after + 1;
  // One more than the page: whether there is a next page.
  if (!filter.q && !filter.path)
    return pageOf(captures.range(filter, limit + 1, below, floor), limit);
  const span = captures.idSpan();
  if (span.lo === null || span.hi === null) return { items: [], nextCursor: null };
  const lo = Math.max(span.lo, floor ?? 0);
  const found: CaptureSummary[] = [];
  for (let top = Math.min(below ?? Infinity, span.hi + 1); top > lo; ) {
    const from = Math.max(lo, top - SCAN_WINDOW);
    found.push(...captures.range(filter, limit + 1 - found.length, top, from));
    if (found.length > limit) break;
    top = from;
    if (top > lo) await pause();
  }
  return pageOf(found, limit);
}
