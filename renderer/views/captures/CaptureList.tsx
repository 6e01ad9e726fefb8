// The virtualized live list: only the visible rows (plus overscan) exist in the DOM, rows have a
// fixed height, and reaching the end of the window pages older captures from the store. When new
// captures are prepended while the user is scrolled down, the scroll position is shifted by the
// same number of rows so the rows under the pointer do not move.
// Accessibility: a multi-select listbox that keeps focus itself and points at the keyboard cursor
// with aria-activedescendant (rows come and go with virtualization, so they cannot hold focus);
// the cursor row is always scrolled into the rendered window. Keys: see use-list-keys.ts.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, type MouseEvent } from 'react';
import { useApp } from '../../state/store';
import { CaptureRow, ROW_HEIGHT, rowDomId } from './CaptureRow';

const LOAD_MORE_THRESHOLD = 40;
const estimateSize = () => ROW_HEIGHT;

export function CaptureList() {
  const items = useApp((s) => s.items);
  const selectedId = useApp((s) => s.selectedId);
  const activeId = useApp((s) => s.activeId);
  const select = useApp((s) => s.select);
  const setActiveId = useApp((s) => s.setActiveId);
  const loadOlder = useApp((s) => s.loadOlder);
  const olderCursor = useApp((s) => s.olderCursor);
  const marked = useApp((s) => s.marked);
  const toggleMark = useApp((s) => s.toggleMark);
  const markRange = useApp((s) => s.markRange);
  const scrollRef = useRef<HTMLDivElement>(null);
  const prevHead = useRef<number | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual by design; no React Compiler here
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    overscan: 12,
    // No getItemKey: rows have a fixed height (nothing to cache per item), React keys come from
    // capture ids below, and a key function would make the virtualizer call it for the whole
    // window whenever it rebuilds its measurements (profiled: ~9% of renderer CPU under load).
  });

  useLayoutEffect(() => {
    const el = scrollRef.current;
    const head = items[0]?.id ?? null;
    const prev = prevHead.current;
    prevHead.current = head;
    // The virtualizer's offset comes from scroll events: reading el.scrollTop here would force
    // a synchronous layout on every live batch while tailing at the top.
    if (!el || prev === null || head === prev || (virtualizer.scrollOffset ?? 0) === 0) return;
    const shift = items.findIndex((c) => c.id === prev);
    if (shift > 0) el.scrollTop += shift * ROW_HEIGHT;
  }, [items, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems[virtualItems.length - 1]?.index ?? 0;
  useEffect(() => {
    if (olderCursor && lastIndex >= items.length - LOAD_MORE_THRESHOLD) void loadOlder();
  }, [lastIndex, items.length, olderCursor, loadOlder]);

  // Follow the keyboard cursor when it moves (not on every live batch: the user may have
  // scrolled away from it on purpose).
  const followed = useRef<number | null>(null);
  useEffect(() => {
    if (activeId === null || activeId === followed.current) return;
    const index = items.findIndex((c) => c.id === activeId);
    if (index < 0) return;
    followed.current = activeId;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [activeId, items, virtualizer]);

  const open = useCallback(
    (id: number, e: MouseEvent) => {
      if (e.shiftKey) markRange(id);
      else if (e.ctrlKey || e.metaKey) toggleMark(id);
      else select(id);
      setActiveId(id);
    },
    [select, setActiveId, markRange, toggleMark],
  );
  const markedSet = new Set(marked);
  const activeRendered =
    activeId !== null && virtualItems.some((v) => items[v.index]?.id === activeId);

  return (
    <div
      className="list-scroll"
      ref={scrollRef}
      data-testid="capture-list"
      role="listbox"
      aria-label="Captures, newest first"
      aria-multiselectable="true"
      aria-activedescendant={activeRendered && activeId !== null ? rowDomId(activeId) : undefined}
      tabIndex={0}
    >
      <div className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
        {virtualItems.map((v) => {
          const c = items[v.index];
          if (!c) return null;
          // Each row keeps its own absolute slot: while scrolling, existing rows neither move
          // inside the layer nor repaint; only the newly exposed rows are drawn. On a live
          // prepend only the slot's transform changes; the memoized row content is reused.
          return (
            <div key={c.id} className="row-slot" style={{ transform: `translateY(${v.start}px)` }}>
              <CaptureRow
                capture={c}
                selected={c.id === selectedId}
                marked={markedSet.has(c.id)}
                active={c.id === activeId}
                onOpen={open}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
