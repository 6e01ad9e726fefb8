// One task's timeline: a windowed list (fixed 32 px rows, only rows in view in the DOM) with
// two lanes, stream and webhooks, on one time axis. A coloured bar shows the state segment in
// force, long gaps are marked, webhooks carry their verdict badge, findings their rule id.
// Clicking a row shows its full text (artifacts, progress messages) below. Agent data is text.
// Rows come from TimelineData (paged from the engine, precomputed at ingest); this view
// re-renders once per new snapshot, and rows keep their slot key while in view, so a scroll
// step or a live event re-renders only the rows that changed.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { Finding } from '../../../shared/a2a/types';
import { CHUNK, type TimelineData } from '../../state/timeline-data';
import { ROW_HEIGHT, TimelineRow } from './TimelineRow';
import { useRowWindow } from './use-row-window';

const OVERSCAN = 8;

export function Timeline({
  events: data,
  findings,
}: {
  events: TimelineData;
  findings: Finding[];
}) {
  const snap = useSyncExternalStore(data.subscribe, data.getSnapshot);
  const streamLevel = useMemo(
    () => findings.filter((f) => f.frameId === null && f.captureId === undefined),
    [findings],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [follow, setFollow] = useState(true);
  const { start, end } = useRowWindow(scrollRef, snap.total, ROW_HEIGHT, OVERSCAN, follow);
  // Load the pages around the window (half a page behind, one ahead) that are not here yet.
  useEffect(() => data.ensure(start - CHUNK / 2, end + CHUNK), [data, start, end, snap]);
  const rows = [];
  // Slot keys: a row keeps its key (and DOM node) while in view; the slot that scrolls out is
  // reused by the one that scrolls in, so a jump of a whole screen creates no elements.
  const slots = Math.max(1, end - start);
  for (let i = start; i < end; i++)
    rows.push(
      <TimelineRow
        key={i % slots}
        view={data.rows[i]}
        index={i}
        selected={i === selected}
        onSelect={setSelected}
      />,
    );
  const sel = selected !== null ? data.rows[selected]?.event : undefined;
  return (
    <div className="timeline">
      <div className="tl-head" role="row">
        <span className="tl-seg" />
        <span className="tl-time">time</span>
        <span className="tl-gap">gap</span>
        <span className="tl-lane">stream ({snap.stream})</span>
        <span className="tl-lane">webhooks ({snap.webhook})</span>
        <label className="tl-follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{' '}
          follow
        </label>
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
        role="grid"
        data-testid="timeline"
        style={{ contain: 'strict' }}
      >
        <div style={{ height: snap.total * ROW_HEIGHT, position: 'relative' }}>
          <div style={{ transform: `translateY(${start * ROW_HEIGHT}px)` }}>{rows}</div>
        </div>
      </div>
      {sel ? (
        <div className="tl-detail">
          <pre>{JSON.stringify(sel, null, 2)}</pre>
        </div>
      ) : null}
    </div>
  );
}
