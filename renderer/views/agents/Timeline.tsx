// One task's timeline: a windowed list (fixed-height rows, only rows in view in the DOM) with
// two lanes, stream and webhooks, on one time axis. A coloured bar shows the state segment in
// force, long gaps are marked, webhooks carry their verdict badge, findings their rule id.
// Lanes: split, one lane wide, or merged into one column; wrap shows up to three lines a row
// (both remembered). Selecting a row (by its identity: frame or capture id, never its index)
// shows its detail below. Agent data is text. "follow" keeps the newest row in view; scrolling
// away from the end turns it off, scrolling back turns it on, and a press on the list pauses it.
// Rows come from TimelineData (paged from the engine, precomputed at ingest); this view
// re-renders once per new snapshot, and rows keep their slot key while in view, so a scroll
// step or a live event re-renders only the rows that changed. The view is keyed by task, so a
// new task starts with nothing selected.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Finding } from '../../../shared/a2a/types';
import type { AgentOps } from '../../state/agents-slice';
import { CHUNK, type TimelineData } from '../../state/timeline-data';
import { TimelineDetail } from './TimelineDetail';
import { isBool, isLaneLayout, LANE_LAYOUTS, usePref, type LaneLayout } from './timeline-prefs';
import { ROW_HEIGHT, TimelineRow, WRAPPED_ROW_HEIGHT } from './TimelineRow';
import { useRowWindow } from '../../components/use-row-window';

const OVERSCAN = 8;
const LAYOUT_LABEL: Record<LaneLayout, string> = {
  split: 'two lanes',
  stream: 'stream wide',
  webhooks: 'webhooks wide',
  merged: 'one column',
};

export function Timeline({
  api,
  events: data,
  findings,
}: {
  api: AgentOps;
  events: TimelineData;
  findings: Finding[];
}) {
  const snap = useSyncExternalStore(data.subscribe, data.getSnapshot);
  const streamLevel = useMemo(
    () => findings.filter((f) => f.frameId === null && f.captureId === undefined),
    [findings],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // The selected row's identity, with the index it had (a hint: indexes change on a reload).
  const [selected, setSelected] = useState<{ key: string; index: number } | null>(null);
  const [follow, setFollow] = useState(true);
  // Following pauses while a pointer is pressed on the list: a row appended between press and
  // release would scroll the pressed row away, and the click would land beside it.
  const [pressed, setPressed] = useState(false);
  const press = useCallback(() => {
    setPressed(true);
    const release = () => {
      setPressed(false);
      window.removeEventListener('pointerup', release);
      window.removeEventListener('pointercancel', release);
    };
    window.addEventListener('pointerup', release);
    window.addEventListener('pointercancel', release);
  }, []);
  // Below 1200 px two lanes cut most text: one column is the first-visit default there.
  const [layout, setLayout] = usePref<LaneLayout>(
    'lanes',
    window.innerWidth < 1200 ? 'merged' : 'split',
    isLaneLayout,
  );
  const [wrap, setWrap] = usePref('wrap', false, isBool);
  const height = wrap ? WRAPPED_ROW_HEIGHT : ROW_HEIGHT;
  // Scrolling away from the end stops following; scrolling back to it follows again.
  const { start, end } = useRowWindow(scrollRef, snap.total, height, {
    overscan: OVERSCAN,
    follow: follow && !pressed,
    onEndChange: setFollow,
  });
  const onSelect = useCallback((key: string, index: number) => setSelected({ key, index }), []);
  // Load the pages around the window (half a page behind, one ahead) that are not here yet;
  // none before the window is measured (it would ask for the first page of a list shown at its end).
  useEffect(() => {
    if (end > start) data.ensure(start - CHUNK / 2, end + CHUNK);
  }, [data, start, end, snap]);
  const rows = [];
  // Slot keys: a row keeps its key (and DOM node) while in view; the slot that scrolls out is
  // reused by the one that scrolls in, so a jump of a whole screen creates no elements.
  const slots = Math.max(1, end - start);
  for (let i = start; i < end; i++) {
    const view = data.rows[i];
    rows.push(
      <TimelineRow
        key={i % slots}
        view={view}
        index={i}
        selected={view !== undefined && view.key === selected?.key}
        layout={layout}
        height={height}
        onSelect={onSelect}
      />,
    );
  }
  const hinted = selected ? data.rows[selected.index] : undefined;
  const sel =
    selected === null
      ? undefined
      : hinted?.key === selected.key
        ? hinted
        : data.rows.find((r) => r?.key === selected.key);
  return (
    <div className={`timeline lanes-${layout}${wrap ? ' wrap' : ''}`}>
      <div className="tl-head">
        <span className="tl-seg" />
        <span className="tl-time">time</span>
        <span className="tl-gap">gap</span>
        {layout === 'merged' ? (
          <span className="tl-lane">
            stream ({snap.stream}) · webhooks ({snap.webhook})
          </span>
        ) : (
          <>
            <span className="tl-lane">stream ({snap.stream})</span>
            <span className="tl-lane">webhooks ({snap.webhook})</span>
          </>
        )}
        <span className="tl-tools">
          <select
            className="input"
            aria-label="Lane layout"
            value={layout}
            onChange={(e) => setLayout(e.target.value as LaneLayout)}
          >
            {LANE_LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {LAYOUT_LABEL[l]}
              </option>
            ))}
          </select>
          <label>
            <input type="checkbox" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />{' '}
            wrap
          </label>
          <label>
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{' '}
            follow
          </label>
        </span>
      </div>
      {streamLevel.length ? (
        <ul className="tl-stream-findings">
          {streamLevel.map((f, i) => (
            <li key={i} className={`sev-${f.severity}`}>
              <code>{f.rule}</code> {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div
        className="tl-scroll"
        ref={scrollRef}
        role="listbox"
        aria-label="Timeline events"
        data-testid="timeline"
        style={{ contain: 'strict' }}
        onPointerDown={press}
      >
        <div style={{ height: snap.total * height, position: 'relative' }}>
          <div style={{ transform: `translateY(${start * height}px)` }}>{rows}</div>
        </div>
      </div>
      {sel ? (
        <TimelineDetail
          key={sel.key}
          api={api}
          event={sel.event}
          taskId={data.taskId}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </div>
  );
}
