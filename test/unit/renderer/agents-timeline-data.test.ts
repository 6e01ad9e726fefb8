// TimelineData (renderer/state/timeline-data.ts): a tail page first, the chunks a window needs
// loaded on demand (once, at most two at a time), rows precomputed with the segment and gap of
// the row before the page, and live events that arrive during a reload kept, not lost.
import { describe, expect, it, vi } from 'vitest';
import type { Timeline } from '../../../shared/api/agents';
import type { TimelineEvent } from '../../../shared/a2a/types';
import { CHUNK, TimelineData } from '../../../renderer/state/timeline-data';

const TOTAL = 2500;
const all: TimelineEvent[] = Array.from({ length: TOTAL }, (_, i) => ({
  source: 'stream',
  at: i * 10,
  kind: 'status-update',
  frameId: i + 1,
  ...(i % 100 === 0 ? { state: 'working' as const } : {}),
}));

function page(offset: number, limit: number): Timeline {
  const events = all.slice(offset, offset + limit);
  const prev = all[offset - 1];
  return {
    task: null,
    events,
    findings: [],
    total: TOTAL,
    offset,
    counts: { stream: TOTAL, webhook: 0, findings: 0 },
    before: prev ? { at: prev.at, segment: 'working' } : null,
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('TimelineData', () => {
  it('loads the tail, then the chunks a window needs, once each', async () => {
    const load = vi.fn(async (cursor: string, limit: number) => page(Number(cursor), limit));
    const data = new TimelineData('t', load);
    const onChange = vi.fn();
    data.subscribe(onChange);
    data.resetFromTail(data.beginLoad(), page(TOTAL - CHUNK, CHUNK));
    expect(data.getSnapshot().total).toBe(TOTAL);
    expect(data.rows[TOTAL - CHUNK]?.gap).toBe('+10 ms');
    expect(data.rows[0]).toBeUndefined();
    data.ensure(0, 1200);
    data.ensure(0, 1200);
    expect(load.mock.calls).toEqual([
      ['0', CHUNK],
      ['1000', CHUNK],
    ]);
    await flush();
    expect(data.rows[0]?.key).toBe('f1');
    expect(data.rows[999]?.segment).toBe('working');
    expect(data.rows.filter(Boolean)).toHaveLength(TOTAL);
    data.ensure(0, TOTAL);
    expect(load).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('keeps live events that arrive while the tail loads', () => {
    const data = new TimelineData('t', null);
    const generation = data.beginLoad();
    const live = { ...all[TOTAL - 1]!, frameId: TOTAL + 1, at: TOTAL * 10 };
    data.apply([live]);
    data.resetFromTail(generation, page(TOTAL - 10, 10));
    expect(data.getSnapshot().total).toBe(TOTAL + 1);
    expect(data.rows[TOTAL]?.event).toBe(live);
    // A stale load answer is ignored.
    data.resetFromTail(generation - 1, page(0, 10));
    expect(data.getSnapshot().total).toBe(TOTAL + 1);
    // The same frame again (already placed) is not appended twice.
    data.apply([live]);
    expect(data.getSnapshot().total).toBe(TOTAL + 1);
  });
});
