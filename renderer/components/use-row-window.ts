// The one virtual-row window, for both long lists (captures, timeline): which rows of a
// fixed-row-height list are in view (plus overscan), for any row count, in O(1), with no per-row
// measurement array (a virtualizer rebuilding one per appended row costs O(count) at 100k rows).
// No layout reads while scrolling: the scroll offset comes from the scroll event and the height
// from a ResizeObserver, both kept in a ref; a new row count recomputes from them. Scroll events
// re-render synchronously (flushSync) so a frame never paints rows of the previous position.
// With `follow`, new rows keep the list scrolled to the end.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowWindow {
  start: number;
  end: number;
}

export interface RowWindowHandle extends RowWindow {
  /** Last scroll offset and viewport height seen (no layout read). */
  view: RefObject<{ top: number; height: number }>;
  /** Scrolls to `top` and moves the window there at once (before the scroll event). */
  scrollTo(top: number): void;
  /** Scrolls the least needed to show row `index` whole (like scrollIntoView 'nearest'). */
  scrollToRow(index: number): void;
}

export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  follow: boolean,
): RowWindowHandle {
  const [win, setWin] = useState<RowWindow>({ start: 0, end: 0 });
  const view = useRef({ top: 0, height: 0 });
  const measured = useRef(false);
  const compute = useCallback(() => {
    const { top, height } = view.current;
    const first = Math.floor(top / rowHeight);
    const visible = Math.ceil(height / rowHeight) + 1;
    const start = Math.max(0, Math.min(count, first - overscan));
    const end = Math.min(count, first + visible + overscan);
    setWin((w) => (w.start === start && w.end === end ? w : { start, end }));
  }, [count, rowHeight, overscan]);
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
      flushSync(compute);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (box) view.current.height = box.height;
      compute();
    });
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [ref, compute]);
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
  const scrollToRow = useCallback(
    (index: number) => {
      const { top, height } = view.current;
      const rowTop = index * rowHeight;
      if (rowTop < top) scrollTo(rowTop);
      else if (rowTop + rowHeight > top + height) scrollTo(rowTop + rowHeight - height);
    },
    [rowHeight, scrollTo],
  );
  return { ...win, view, scrollTo, scrollToRow };
}
