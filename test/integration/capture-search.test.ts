// The captures list of the API on a real store: text and path filters scan in windows of ids
// with a yield between them, and page exactly like the one-query list, cursor for cursor.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listCaptures, SCAN_WINDOW } from '../../electron/engine/captures/capture-search';
import {
  createCapturesRepo,
  type CaptureFilter,
  type CapturesRepo,
} from '../../electron/engine/store/captures-repo';
import { openDatabase, type Db } from '../../electron/engine/store/open-store';

const COUNT = SCAN_WINDOW * 2 + 500;
let dir: string;
let db: Db;
let captures: CapturesRepo;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-search-'));
  db = openDatabase(dir, () => {});
  captures = createCapturesRepo(db);
  db.transaction(() => {
    for (let i = 0; i < COUNT; i++) {
      // A few rare matches, one near each window edge and one in the oldest rows.
      const rare = i === 3 || i === SCAN_WINDOW - 1 || i === SCAN_WINDOW || i % 997 === 0;
      captures.insert({
        receivedAt: 1_000 + i,
        method: 'POST',
        path: i % 3 === 0 ? '/hooks/a2a' : '/webhook',
        query: '',
        headers: [['Content-Type', 'application/json']],
        body: new TextEncoder().encode(JSON.stringify({ n: i, note: rare ? 'Needle' : 'hay' })),
        remoteAddress: '127.0.0.1',
        taskId: `task-${i % 5}`,
        contentType: 'application/json',
        source: 'receiver',
        verdict: i % 2 ? 'valid' : 'invalid',
      });
    }
  })();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Every page of a filter, following cursors, through one lister. */
async function allPages(
  list: (cursor?: string) => Promise<{ items: { id: number }[]; nextCursor: string | null }>,
) {
  const pages: { ids: number[]; next: string | null }[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    pages.push({ ids: page.items.map((c) => c.id), next: page.nextCursor });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

// Matches, from how the rows were made: rare rows 3, 1999, 2000 and every 997th (0 ... 3988).
it.each<[string, CaptureFilter, number, number]>([
  ['rare text', { q: 'needle' }, 3, 8],
  ['common text', { q: 'hay' }, 500, COUNT - 8],
  ['path', { path: 'a2a' }, 400, COUNT / 3],
  ['text and verdict', { q: 'needle', verdict: 'invalid' }, 2, 4],
  ['text matching nothing', { q: 'no such text' }, 50, 0],
])('pages %s exactly like the one-query list', async (_name, filter, limit, matches) => {
  const windowed = await allPages((c) => listCaptures(captures, filter, limit, { cursor: c }));
  const oneQuery = await allPages(async (c) => captures.list(filter, limit, c));
  expect(windowed).toEqual(oneQuery);
  expect(windowed.flatMap((p) => p.ids)).toHaveLength(matches);
});

it('lets other work run while a search reads the whole store', async () => {
  let ticks = 0;
  let done = false;
  const tick = () => {
    ticks++;
    if (!done) setImmediate(tick);
  };
  setImmediate(tick);
  const page = await listCaptures(captures, { q: 'no such text' }, 100);
  done = true;
  expect(page.items).toEqual([]);
  // One yield per window after the first: the store holds three windows of ids.
  expect(ticks).toBeGreaterThanOrEqual(2);
});

it('answers indexed filters in one query, without yielding', async () => {
  let ticked = false;
  setImmediate(() => (ticked = true));
  const page = await listCaptures(captures, { verdict: 'valid', taskId: 'task-1' }, 10);
  expect(ticked).toBe(false);
  expect(page).toEqual(captures.list({ verdict: 'valid', taskId: 'task-1' }, 10));
});

it('answers only what is newer than `after`, for a live view that has the rest', async () => {
  const { hi } = captures.idSpan();
  const after = hi! - 3_000;
  for (const filter of [{ q: 'needle' }, { q: 'hay' }, { verdict: 'valid' as const }]) {
    const page = await listCaptures(captures, filter, 1_000, { after });
    const all = await allPages(async (c) => captures.list(filter, 1_000, c));
    const newer = all.flatMap((p) => p.ids).filter((id) => id > after);
    expect(page.items.map((c) => c.id)).toEqual(newer.slice(0, 1_000));
    expect(page.nextCursor !== null).toBe(newer.length > 1_000);
  }
});

it('pages oldest first from just above `after`, for a view deep in history paging back up', async () => {
  const { hi } = captures.idSpan();
  const start = hi! - 3_300;
  for (const filter of [
    { q: 'needle' },
    { q: 'hay' },
    { path: 'a2a' },
    { verdict: 'valid' as const },
  ]) {
    const all = await allPages(async (c) => captures.list(filter, 1_000, c));
    const newer = all
      .flatMap((p) => p.ids)
      .filter((id) => id > start)
      .reverse();
    const seen: number[] = [];
    let after = start;
    for (;;) {
      const page = await listCaptures(captures, filter, 700, { after, order: 'oldest' });
      seen.push(...page.items.map((c) => c.id));
      expect(page.items.length === 700 || page.nextCursor === null).toBe(true);
      if (page.nextCursor === null) break;
      after = Number(page.nextCursor);
    }
    expect(seen).toEqual(newer);
  }
});
