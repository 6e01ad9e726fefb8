// The captures list for the API: filters an index serves (verdict, task, source) are one query;
// filters that read every row's text (search, path) scan the store in windows of ids, newest
// first, with a yield between windows. Why: a search that matches little reads the whole table,
// 570 ms for 200,000 captures in one statement, and the receiver could not answer meanwhile.
// The page is the same as the one-query list's: `limit` items, and a cursor when more match.
import type { CaptureSummary, Page } from '../../../shared/model';
import type { CaptureFilter, CapturesRepo } from '../store/captures-repo';

/** Ids per window: a few milliseconds of reading rows on a slow machine. */
export const SCAN_WINDOW = 2_000;

const pause = () => new Promise<void>((r) => setImmediate(r));

export async function listCaptures(
  captures: Pick<CapturesRepo, 'list' | 'range' | 'idSpan'>,
  filter: CaptureFilter,
  limit: number,
  cursor?: string,
): Promise<Page<CaptureSummary>> {
  if (!filter.q && !filter.path) return captures.list(filter, limit, cursor);
  const { lo, hi } = captures.idSpan();
  const found: CaptureSummary[] = [];
  if (lo === null || hi === null) return { items: [], nextCursor: null };
  // One more than the page: whether there is a next page.
  for (let top = cursor ? Math.min(Number(cursor), hi + 1) : hi + 1; top > lo; ) {
    const from = Math.max(lo, top - SCAN_WINDOW);
    found.push(...captures.range(filter, limit + 1 - found.length, top, from));
    if (found.length > limit) break;
    top = from;
    if (top > lo) await pause();
  }
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > limit && last ? String(last.id) : null };
}
