// The virtualized live list: only the visible rows (plus overscan) exist in the DOM, rows have a
// fixed height, and reaching the end of the window pages older captures from the store (and,
// once paging deep has dropped the newest from memory, reaching its start pages newer ones). When
// rows are put above the view (live captures) or removed from above it (a page of older ones
// trims the window, or captures are deleted) while the user is scrolled down, the window and the
// scroll position move by the same number of rows (in one render), so the rows under the pointer
// do not move.
// Accessibility: a multi-select listbox that keeps focus itself and points at the keyboard cursor
// with aria-activedescendant (rows come and go with virtualization, so they cannot hold focus);
// the cursor row is always scrolled into the rendered window. Keys: see use-list-keys.ts.
// The window is the shared useRowWindow (no layout reads while scrolling); each row sits in a
// contained slot, and its content is memoized per summary (CaptureRow).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, type MouseEvent } from 'react';
import { useRowWindow } from '../../components/use-row-window';
import { useDisplayPrefs } from '../../state/display-prefs';
import { useApp } from '../../state/store';
import { CaptureRow, ROW_HEIGHT, rowDomId } from './CaptureRow';

const LOAD_MORE_THRESHOLD = 40;
const OVERSCAN = 12;

export function CaptureList() {
  const items = useApp((s) => s.items);
  const headShift = useApp((s) => s.headShift);
  const liveShift = useApp((s) => s.liveShift);
  const selectedId = useApp((s) => s.selectedId);
  const activeId = useApp((s) => s.activeId);
  const select = useApp((s) => s.select);
  const setActiveId = useApp((s) => s.setActiveId);
  const loadOlder = useApp((s) => s.loadOlder);
  const loadNewer = useApp((s) => s.loadNewer);
  const olderCursor = useApp((s) => s.olderCursor);
  const headTrimmed = useApp((s) => s.headTrimmed);
  const marked = useApp((s) => s.marked);
  const toggleMark = useApp((s) => s.toggleMark);
  const markRange = useApp((s) => s.markRange);
  const setViewRow = useApp((s) => s.setViewRow);
  const scrollRef = useRef<HTMLDivElement>(null);

  const clock = useDisplayPrefs((s) => s.clock);
  const win = useRowWindow(scrollRef, items.length, ROW_HEIGHT, {
    overscan: OVERSCAN,
    headShift,
    liveShift,
  });
  const { scrollToRow, view } = win;
  // The store counts removed rows above this one as a shift of the view (captures-window.ts).
  useLayoutEffect(() => {
    setViewRow(() => Math.floor(view.current.top / ROW_HEIGHT));
    return () => setViewRow(null);
  }, [setViewRow, view]);

  const lastIndex = Math.max(0, win.end - 1);
  useEffect(() => {
    if (olderCursor && lastIndex >= items.length - LOAD_MORE_THRESHOLD) void loadOlder();
  }, [lastIndex, items.length, olderCursor, loadOlder]);
  useEffect(() => {
    if (headTrimmed && win.start <= LOAD_MORE_THRESHOLD) void loadNewer();
  }, [win.start, headTrimmed, loadNewer]);

  // Follow the keyboard cursor when it moves (not on every live batch: the user may have
  // scrolled away from it on purpose).
  const followed = useRef<number | null>(null);
  useEffect(() => {
    if (activeId === null || activeId === followed.current) return;
    const index = items.findIndex((c) => c.id === activeId);
    if (index < 0) return;
    followed.current = activeId;
    scrollToRow(index);
  }, [activeId, items, scrollToRow]);

  const open = useCallback(
    (id: number, e: MouseEvent) => {
      if (e.shiftKey) markRange(id);
      else if (e.ctrlKey || e.metaKey) toggleMark(id);
      else select(id);
      setActiveId(id);
    },
    [select, setActiveId, markRange, toggleMark],
  );
  const markedSet = useMemo(() => new Set(marked), [marked]);
  let activeRendered = false;
  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    const c = items[i];
    if (!c) continue;
    if (c.id === activeId) activeRendered = true;
    // Each row keeps its own absolute slot: while scrolling, existing rows neither move inside
    // the layer nor repaint; only the newly exposed rows are drawn. On a live prepend only the
    // slot's transform changes; the memoized row content is reused.
    rows.push(
      <div key={c.id} className="row-slot" style={{ transform: `translateY(${i * ROW_HEIGHT}px)` }}>
        <CaptureRow
          capture={c}
          clock={clock}
          selected={c.id === selectedId}
          marked={markedSet.has(c.id)}
          active={c.id === activeId}
          onOpen={open}
        />
      </div>,
    );
  }

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
      <div className="list-inner" style={{ height: items.length * ROW_HEIGHT }}>
        {rows}
      </div>
    </div>
  );
}
