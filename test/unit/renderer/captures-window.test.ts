import { describe, expect, it } from 'vitest';
import type { CaptureSummary } from '../../../shared/model';
import { cap } from './fixtures';
import {
  appendOlder,
  applyUpdates,
  headShift,
  matchesLocal,
  mergeNewer,
  NO_FILTERS,
  removeIds,
  withItems,
} from '../../../renderer/state/captures-window';

const ids = (xs: CaptureSummary[]) => xs.map((c) => c.id);

describe('mergeNewer', () => {
  it('prepends newest first and dedupes', () => {
    const r = mergeNewer([cap(3), cap(2)], [cap(4), cap(5), cap(3)]);
    expect(ids(r.items)).toEqual([5, 4, 3, 2]);
    expect(r.trimmedTail).toBe(false);
  });
  it('sorts out-of-order arrivals', () => {
    expect(ids(mergeNewer([cap(5), cap(2)], [cap(3)]).items)).toEqual([5, 3, 2]);
  });
  it('merges captures all newer than the window without touching the batch given', () => {
    const batch = [cap(6), cap(8), cap(7)];
    expect(ids(mergeNewer([cap(5), cap(4)], batch).items)).toEqual([8, 7, 6, 5, 4]);
    expect(ids(batch)).toEqual([6, 8, 7]);
    expect(ids(mergeNewer([], batch).items)).toEqual([8, 7, 6]);
  });
  it('bounds the window by trimming the oldest', () => {
    const r = mergeNewer([cap(3), cap(2), cap(1)], [cap(4), cap(5)], 4);
    expect(ids(r.items)).toEqual([5, 4, 3, 2]);
    expect(r.trimmedTail).toBe(true);
  });
});

describe('appendOlder', () => {
  it('appends and trims the head past the bound', () => {
    const r = appendOlder([cap(9), cap(8)], [cap(7), cap(6), cap(5)], 4);
    expect(ids(r.items)).toEqual([8, 7, 6, 5]);
    expect(r.trimmedHead).toBe(1);
  });
});

describe('headShift', () => {
  const list = (...xs: number[]) => xs.map((id) => cap(id));
  it('counts rows put above the old head', () => {
    expect(headShift(list(5, 4), list(8, 7, 6, 5, 4))).toBe(3);
    expect(headShift(list(5, 3), list(5, 4, 3))).toBe(0);
  });
  it('counts rows dropped above the new head, negative', () => {
    const r = appendOlder(list(9, 8, 7), list(6, 5), 3);
    expect(headShift(list(9, 8, 7), r.items)).toBe(-r.trimmedHead);
    expect(headShift(list(9, 8, 7), list(8, 7))).toBe(-1);
  });
  it('is 0 when the windows share no head', () => {
    expect(headShift([], list(3, 2))).toBe(0);
    expect(headShift(list(3, 2), [])).toBe(0);
    expect(headShift(list(9, 8), list(3, 2))).toBe(0);
  });
  it('counts the rows live captures put above the head apart', () => {
    const s = { items: list(5, 4), headShift: 3, liveShift: 1 };
    expect(withItems(s, list(7, 6, 5, 4), true)).toMatchObject({ headShift: 5, liveShift: 3 });
    expect(withItems(s, list(7, 6, 5, 4))).toMatchObject({ headShift: 5, liveShift: 1 });
    expect(withItems(s, list(4), true)).toMatchObject({ headShift: 2, liveShift: 1 });
  });
  it('with an anchor, counts rows put above it and removed above it, not below', () => {
    const prev = list(9, 8, 7, 6, 5, 4);
    // The view starts at 6: 8 and 7 go (between the head and the view), 4 goes (below it).
    expect(headShift(prev, list(9, 6, 5), 6)).toBe(-2);
    expect(headShift(prev, list(9, 8, 7, 6, 5), 6)).toBe(0);
    // Live rows above, a removal above: both counted.
    expect(headShift(prev, list(11, 10, 9, 7, 6, 5, 4), 6)).toBe(1);
    // The same removal seen from the head (no anchor) moves nothing.
    expect(headShift(prev, list(9, 6, 5))).toBe(0);
  });
  it('when the anchor itself goes, counts only the rows removed above it', () => {
    const prev = list(9, 8, 7, 6, 5, 4);
    // 7 (above) and 6, 5 (the anchor and the row below it) go: the view moves up one row.
    expect(headShift(prev, list(9, 8, 4), 6)).toBe(-1);
    // Nothing at or below the anchor stays (a trimmed tail): counted at the head instead.
    expect(headShift(prev, list(10, 9, 8), 5)).toBe(1);
    // An anchor the window never held: counted at the head.
    expect(headShift(prev, list(10, 9, 8, 7, 6, 5, 4), 99)).toBe(1);
  });
  it('keeps the trimmed head and live shifts when the anchor stays', () => {
    const r = appendOlder(list(9, 8, 7, 6), list(5, 4), 4);
    expect(headShift(list(9, 8, 7, 6), r.items, 7)).toBe(-r.trimmedHead);
    const s = { items: list(5, 4, 3), headShift: 0, liveShift: 0 };
    expect(withItems(s, list(7, 6, 5, 4, 3), true, 4)).toMatchObject({
      headShift: 2,
      liveShift: 2,
    });
    expect(withItems(s, list(5, 3), false, 3)).toMatchObject({ headShift: -1, liveShift: 0 });
  });
  it('finds the head in a long window', () => {
    const long = Array.from({ length: 2000 }, (_, i) => cap(5000 - i));
    expect(headShift(long, long.slice(1234))).toBe(-1234);
    expect(headShift(long.slice(777), long)).toBe(777);
  });
});

describe('filters and updates', () => {
  it('matches verdict and exact task id', () => {
    expect(matchesLocal(cap(1), { ...NO_FILTERS, verdict: 'invalid' })).toBe(false);
    expect(matchesLocal(cap(1), { ...NO_FILTERS, taskId: ' task-1 ' })).toBe(true);
    expect(matchesLocal(cap(1), { ...NO_FILTERS, taskId: 'task-10' })).toBe(false);
  });
  it('replaces updated captures and drops those that no longer match', () => {
    const items = [cap(3), cap(2), cap(1)];
    const updates = new Map([
      [2, cap(2, { verdict: 'invalid' })],
      [1, cap(1, { verdict: 'valid', size: 99 })],
    ]);
    const out = applyUpdates(items, updates, { ...NO_FILTERS, verdict: 'valid' });
    expect(ids(out)).toEqual([3, 1]);
    expect(out[1]?.size).toBe(99);
    expect(applyUpdates(items, new Map(), NO_FILTERS)).toBe(items);
  });
  it('removes ids, keeping identity when nothing changes', () => {
    const items = [cap(2), cap(1)];
    expect(ids(removeIds(items, new Set([1])))).toEqual([2]);
    expect(removeIds(items, new Set([9]))).toBe(items);
  });
});
