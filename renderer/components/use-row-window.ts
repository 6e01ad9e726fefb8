// The one virtual-row window, for both long lists (captures, timeline): which rows of a
// fixed-row-height list are in view (plus overscan), for any row count, in O(1), with no per-row
// measurement array (a virtualizer rebuilding one per appended row costs O(count) at 100k rows).
// No layout reads while scrolling: the scroll offset comes from the scroll event and the height
// from a ResizeObserver, both kept in a ref; a new row count recomputes from them. Scroll events
// re-render synchronously (flushSync) so a frame never paints rows of the previous position.
// With `follow`, new rows keep the list scrolled to the end; `onEndChange` tells when the user
// scrolls away from the end or back to it. With `headShift` (a running count of
// rows inserted at the start minus rows removed from it), the list keeps showing the same rows:
// the window moves with them in the render that inserts or removes them (no row unmounted and
// mounted again, no frame at the old offset), and the scroll offset follows before paint. The
// part of it counted in `liveShift` (live rows) is not followed by a view at the very top, which
// shows the new rows instead.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowWindow {
  start: number;
  end: number;
}

interface WindowState extends RowWindow {
  /** The `headShift` and `liveShift` this window was computed with. */
  base: number;
  liveBase: number;
  atTop: boolean;
}

export interface RowWindowHandle extends RowWindow {
  /** Last scroll offset and viewport height seen (no layout read). */
  view: RefObject<{ top: number; height: number }>;
  /** Scrolls to `top` and moves the window there at once (before the scroll event). */
  scrollTo(top: number): void;
  /** Scrolls the least needed to show row `index` whole (like scrollIntoView 'nearest'). */
  scrollToRow(index: number): void;
}

export interface RowWindowOptions {
  /** Rows rendered beyond each edge of the view. */
  overscan: number;
  /** Keep the list scrolled to the end as rows are added. */
  follow?: boolean;
  headShift?: number;
  liveShift?: number;
  /** Called when a scroll event leaves the end of the list or comes back to it. */
  onEndChange?: (atEnd: boolean) => void;
}

export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  { overscan, follow = false, headShift = 0, liveShift = 0, onEndChange }: RowWindowOptions,
): RowWindowHandle {
  const [win, setWin] = useState<WindowState>({
    start: 0,
    end: 0,
    base: headShift,
    liveBase: liveShift,
    atTop: true,
  });
  const view = useRef({ top: 0, height: 0 });
  const measured = useRef(false);
  /** The `headShift` and `liveShift` that view.top already accounts for. */
  const base = useRef({ head: headShift, live: liveShift });
  const compute = useCallback(() => {
    const { top, height } = view.current;
    const first = Math.floor(top / rowHeight);
    const visible = Math.ceil(height / rowHeight) + 1;
    const start = Math.max(0, Math.min(count, first - overscan));
    const end = Math.min(count, first + visible + overscan);
    const { head, live } = base.current;
    const atTop = top === 0;
    setWin((w) =>
      w.start === start &&
      w.end === end &&
      w.base === head &&
      w.liveBase === live &&
      w.atTop === atTop
        ? w
        : { start, end, base: head, liveBase: live, atTop },
    );
  }, [count, rowHeight, overscan]);
  // The scroll and resize listeners call the current compute (a new one for every row count)
  // without being added again: re-adding them for each live batch built a new ResizeObserver,
  // whose first notification ran after layout, on every batch.
  const latest = useRef(compute);
  useLayoutEffect(() => {
    latest.current = compute;
  }, [compute]);
  // Whether the last scroll event found the view at the end (within half a row), from what the
  // events reported: no layout read.
  const atEnd = useRef(true);
  const endCheck = useRef(() => {});
  useLayoutEffect(() => {
    endCheck.current = () => {
      const { top, height } = view.current;
      const now = top + height >= count * rowHeight - rowHeight / 2;
      if (now === atEnd.current) return;
      atEnd.current = now;
      onEndChange?.(now);
    };
  }, [count, rowHeight, onEndChange]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (follow) el.scrollTop = el.scrollHeight;
    // Read the element once (and when following); later counts reuse what events reported.
    if (follow || !measured.current) {
      measured.current = true;
      view.current = { top: el.scrollTop, height: el.clientHeight };
    }
    compute();
  }, [ref, follow, compute]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => {
      view.current.top = el.scrollTop;
      flushSync(() => latest.current());
      endCheck.current();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) view.current.height = box.height;
      latest.current();
    });
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [ref]);
  const scrollTo = useCallback(
    (top: number) => {
      const el = ref.current;
      if (!el) return;
      el.scrollTop = top;
      view.current.top = Math.max(0, Math.min(top, count * rowHeight - view.current.height));
      compute();
    },
    [ref, count, rowHeight, compute],
  );
  // Rows inserted or removed above the view: shift the offset by their height (clamped at the
  // top), except for live rows when the view is at the top. Read the element, not the last
  // scroll event: a scroll to the top written in the same frame has not reported yet, and
  // shifting then would carry the list away from the newest rows for good (one layout read per
  // shift, at most once a frame).
  useLayoutEffect(() => {
    const el = ref.current;
    const all = headShift - base.current.head;
    const live = liveShift - base.current.live;
    base.current = { head: headShift, live: liveShift };
    if (!el || all === 0) return;
    const top = el.scrollTop;
    const moved = top === 0 ? all - live : all;
    if (moved === 0) {
      view.current.top = top;
      compute();
    } else scrollTo(Math.max(0, top + moved * rowHeight));
  }, [ref, headShift, liveShift, rowHeight, compute, scrollTo]);
  const scrollToRow = useCallback(
    (index: number) => {
      const { top, height } = view.current;
      const rowTop = index * rowHeight;
      if (rowTop < top) scrollTo(rowTop);
      else if (rowTop + rowHeight > top + height) scrollTo(rowTop + rowHeight - height);
    },
    [rowHeight, scrollTo],
  );
  const shift = headShift - win.base - (win.atTop ? liveShift - win.liveBase : 0);
  return {
    start: Math.max(0, Math.min(count, win.start + shift)),
    end: Math.max(0, Math.min(count, win.end + shift)),
    view,
    scrollTo,
    scrollToRow,
  };
}
