// The combined store against a fake bridge: first page, paging, live events under filters,
// the bounded window, detail reloads on re-verification, resync after a reconnect.
import { describe, expect, it } from 'vitest';
import type { SwitchboardApi } from '../../../shared/api';
import type { EngineEvent } from '../../../shared/events';
import type { CaptureSummary } from '../../../shared/model';
import type { Bridge, ConnectionState } from '../../../renderer/bridge/types';
import { PAGE_SIZE, WINDOW_MAX } from '../../../renderer/state/captures-window';
import { applyEngineEvents, connectStore, createAppStore } from '../../../renderer/state/store';
import { cap } from './fixtures';

/** A fake engine holding `n` captures with ids 1..n (newest = n). */
function fakeBridge(n: number) {
  let store: CaptureSummary[] = Array.from({ length: n }, (_, i) => cap(n - i));
  const calls: string[] = [];
  let failNext = false;
  const api = {
    listCaptures: async (a: {
      limit?: number;
      cursor?: string;
      verdict?: string;
      q?: string;
      after?: number;
      order?: 'newest' | 'oldest';
    }) => {
      calls.push(
        `list ${a.cursor ?? '-'} ${a.verdict ?? '-'}` +
          (a.q !== undefined ? ` q=${a.q} after=${a.after ?? '-'}` : ''),
      );
      if (failNext) {
        failNext = false;
        throw new Error('engine unreachable');
      }
      const below = a.cursor ? Number(a.cursor) : Infinity;
      // The text search of the fake: the path contains it.
      const matching = store.filter(
        (c) =>
          c.id < below &&
          c.id > (a.after ?? 0) &&
          (!a.verdict || c.verdict === a.verdict) &&
          (!a.q || c.path.includes(a.q)),
      );
      if (a.order === 'oldest') matching.reverse();
      const items = matching.slice(0, a.limit ?? 100);
      const last = items[items.length - 1];
      return { items, nextCursor: matching.length > items.length && last ? String(last.id) : null };
    },
    countCaptures: async () => ({ count: store.length }),
    getCapture: async ({ id }: { id: number }) => {
      calls.push(`get ${id}`);
      return {
        ...cap(id),
        headers: [],
        query: '',
        remoteAddress: '127.0.0.1',
        checks: [],
        responseStatus: 200,
      };
    },
    getCaptureBody: async () => new Uint8Array([123, 125]),
  } as unknown as SwitchboardApi;
  const eventListeners: ((e: EngineEvent) => void)[] = [];
  const connListeners: ((s: ConnectionState) => void)[] = [];
  const bridge: Bridge = {
    kind: 'http',
    api,
    onEvent: (l) => (eventListeners.push(l), () => undefined),
    onConnection: (l) => (connListeners.push(l), () => undefined),
  };
  return {
    bridge,
    calls,
    add: (c: CaptureSummary) => (store = [c, ...store]),
    failNextList: () => (failNext = true),
    setConnection: (s: ConnectionState) => connListeners.forEach((l) => l(s)),
  };
}

const ids = (xs: CaptureSummary[]) => xs.map((c) => c.id);

describe('captures slice', () => {
  it('loads the newest page and the total', async () => {
    const f = fakeBridge(500);
    const s = createAppStore(f.bridge);
    await s.getState().loadFirstPage();
    expect(s.getState().items).toHaveLength(PAGE_SIZE);
    expect(s.getState().items[0]?.id).toBe(500);
    expect(s.getState().total).toBe(500);
    expect(s.getState().loaded).toBe(true);
    expect(s.getState().olderCursor).toBe(String(500 - PAGE_SIZE + 1));
  });

  it('keeps at most WINDOW_MAX summaries while paging through 50,000', async () => {
    const f = fakeBridge(50_000);
    const s = createAppStore(f.bridge);
    await s.getState().loadFirstPage();
    for (let i = 0; i < WINDOW_MAX / PAGE_SIZE + 5; i++) await s.getState().loadOlder();
    const st = s.getState();
    expect(st.items.length).toBe(WINDOW_MAX);
    expect(st.headTrimmed).toBe(true);
    // Contiguous, newest first.
    expect(st.items[0]!.id - st.items[st.items.length - 1]!.id).toBe(WINDOW_MAX - 1);
    // Each trimmed row counts against the head shift, so the list can keep its rows in view.
    expect(st.headShift).toBe(-(50_000 - st.items[0]!.id));
  });

  it('counts live rows put above the head, and rows deleted from it, in the head shift', async () => {
    const f = fakeBridge(3);
    const s = createAppStore(f.bridge);
    await s.getState().loadFirstPage();
    expect(s.getState().headShift).toBe(0);
    applyEngineEvents(s, [
      { type: 'capture', capture: cap(4) },
      { type: 'capture', capture: cap(5) },
    ]);
    expect(s.getState().headShift).toBe(2);
    expect(s.getState().liveShift).toBe(2);
    applyEngineEvents(s, [{ type: 'capture-updated', capture: cap(3, { verdict: 'invalid' }) }]);
    expect(s.getState().headShift).toBe(2);
    applyEngineEvents(s, [{ type: 'capture-deleted', id: 5 }]);
    expect(s.getState().headShift).toBe(1);
    expect(s.getState().liveShift).toBe(2);
  });

  it('applies live captures, respecting verdict filters', async () => {
    const f = fakeBridge(3);
    const s = createAppStore(f.bridge);
    s.getState().setFilters({ verdict: 'invalid' });
    await new Promise((r) => setTimeout(r, 0));
    expect(ids(s.getState().items)).toEqual([]);
    applyEngineEvents(s, [
      { type: 'capture', capture: cap(4, { verdict: 'invalid' }) },
      { type: 'capture', capture: cap(5, { verdict: 'valid' }) },
    ]);
    expect(ids(s.getState().items)).toEqual([4]);
    expect(s.getState().total).toBe(5);
  });

  it('under a text search, asks the store only about the live captures it has not matched', async () => {
    const f = fakeBridge(3);
    const s = createAppStore(f.bridge);
    s.getState().setFilters({ q: 'needle' });
    await new Promise((r) => setTimeout(r, 0));
    expect(ids(s.getState().items)).toEqual([]);
    const arrive = async (...caps: CaptureSummary[]) => {
      for (const c of caps) f.add(c);
      applyEngineEvents(
        s,
        caps.map((capture) => ({ type: 'capture', capture })),
      );
      await new Promise((r) => setTimeout(r, 300)); // the refresh waits 250 ms for more
    };
    await arrive(cap(4, { path: '/needle' }), cap(5));
    expect(ids(s.getState().items)).toEqual([4]);
    // A failed refresh is asked again, from the same place, with the next live batch.
    f.failNextList();
    await arrive(cap(6, { path: '/needle' }));
    expect(s.getState().loadError).toBe('engine unreachable');
    await arrive(cap(7), cap(8, { path: '/needle/2' }));
    expect(ids(s.getState().items)).toEqual([8, 6, 4]);
    expect(f.calls.filter((c) => c.includes('q='))).toEqual([
      'list - - q=needle after=-',
      'list - - q=needle after=3',
      'list - - q=needle after=5',
      'list - - q=needle after=5',
    ]);
  });

  it('updates and deletes in place', async () => {
    const f = fakeBridge(3);
    const s = createAppStore(f.bridge);
    await s.getState().loadFirstPage();
    applyEngineEvents(s, [
      { type: 'capture-updated', capture: cap(2, { verdict: 'invalid' }) },
      { type: 'capture-deleted', id: 3 },
    ]);
    expect(ids(s.getState().items)).toEqual([2, 1]);
    expect(s.getState().items[0]?.verdict).toBe('invalid');
    expect(s.getState().total).toBe(2);
    applyEngineEvents(s, [{ type: 'capture-deleted', id: 'all' }]);
    expect(s.getState().items).toEqual([]);
    expect(s.getState().total).toBe(0);
  });

  it('pages back up to the newest after paging deep, then applies live captures again', async () => {
    const f = fakeBridge(3_000);
    const s = createAppStore(f.bridge);
    await s.getState().loadFirstPage();
    for (let i = 0; i < WINDOW_MAX / PAGE_SIZE + 2; i++) await s.getState().loadOlder();
    expect(s.getState().headTrimmed).toBe(true);
    const head = s.getState().items[0]!.id;
    const shift = s.getState().headShift;
    await s.getState().loadNewer();
    let st = s.getState();
    expect(st.items[0]!.id).toBe(head + PAGE_SIZE);
    expect(st.items.length).toBe(WINDOW_MAX);
    expect(st.items[0]!.id - st.items[st.items.length - 1]!.id).toBe(WINDOW_MAX - 1);
    expect(st.headShift).toBe(shift + PAGE_SIZE);
    expect(st.liveShift).toBe(0); // paged in, not live: a view at the top follows these rows
    expect(st.olderCursor).toBe(String(st.items[st.items.length - 1]!.id));
    while (s.getState().headTrimmed) await s.getState().loadNewer();
    st = s.getState();
    expect(st.items[0]!.id).toBe(3_000);
    f.add(cap(3_001));
    applyEngineEvents(s, [{ type: 'capture', capture: cap(3_001) }]);
    expect(s.getState().items[0]!.id).toBe(3_001);
    expect(s.getState().missedLive).toBe(0);
  });

  it('counts live captures it cannot show while the head is trimmed', async () => {
    const f = fakeBridge(50_000);
    const s = createAppStore(f.bridge);
    await s.getState().loadFirstPage();
    for (let i = 0; i < WINDOW_MAX / PAGE_SIZE + 1; i++) await s.getState().loadOlder();
    const before = ids(s.getState().items);
    applyEngineEvents(s, [{ type: 'capture', capture: cap(50_001) }]);
    expect(ids(s.getState().items)).toEqual(before);
    expect(s.getState().missedLive).toBe(1);
  });
});

describe('detail slice', () => {
  it('loads the selected capture and reloads it when re-verified', async () => {
    const f = fakeBridge(3);
    const s = createAppStore(f.bridge);
    s.getState().select(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.getState().detail?.id).toBe(2);
    expect([...(s.getState().body ?? [])]).toEqual([123, 125]);
    applyEngineEvents(s, [{ type: 'capture-updated', capture: cap(2, { verdict: 'invalid' }) }]);
    await new Promise((r) => setTimeout(r, 0));
    expect(f.calls.filter((c) => c === 'get 2')).toHaveLength(2);
    applyEngineEvents(s, [{ type: 'capture-deleted', id: 2 }]);
    expect(s.getState().selectedId).toBeNull();
  });
});

describe('connectStore', () => {
  it('batches events per frame and resyncs after a reconnect', async () => {
    const f = fakeBridge(2);
    const s = createAppStore(f.bridge);
    const frames: (() => void)[] = [];
    connectStore(s, f.bridge, {
      requestFrame: (cb) => void frames.push(cb),
      setTimer: () => undefined,
      isHidden: () => false,
      now: () => 0,
    });
    f.setConnection('open');
    expect(s.getState().connection).toBe('open');
    f.setConnection('reconnecting');
    f.setConnection('open');
    await new Promise((r) => setTimeout(r, 0));
    expect(f.calls.some((c) => c.startsWith('list'))).toBe(true);
  });
});
