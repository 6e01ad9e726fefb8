// Which rows of a fixed-row-height list are in view (plus overscan), for any row count, in O(1):
// no per-row measurement array (a virtualizer rebuilding one per appended row costs O(count) at
// 100k rows). Scroll events re-render synchronously (flushSync) so a frame never paints rows
// of the previous position. With `follow`, new rows keep the list scrolled to the end.
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';

export interface RowWindow {
  start: number;
  end: number;
}

export function useRowWindow(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  overscan: number,
  follow: boolean,
): RowWindow {
  const [win, setWin] = useState<RowWindow>({ start: 0, end: 0 });
  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const first = Math.floor(el.scrollTop / rowHeight);
    const visible = Math.ceil(el.clientHeight / rowHeight) + 1;
    const start = Math.max(0, Math.min(count, first - overscan));
    const end = Math.min(count, first + visible + overscan);
    setWin((w) => (w.start === start && w.end === end ? w : { start, end }));
  }, [ref, count, rowHeight, overscan]);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
    measure();
  }, [ref, follow, measure]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onScroll = () => flushSync(measure);
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(() => measure());
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [ref, measure]);
  return win;
}
