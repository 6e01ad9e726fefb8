// One task's timeline: a virtualized list (fixed 32 px rows, only visible rows in the DOM) with
// two lanes, stream and webhooks, on one time axis. A coloured bar shows the state segment in
// force, long gaps are marked, webhooks carry their verdict badge, findings their rule id.
// Clicking a row shows its full text (artifacts, progress messages) below. Agent data is text.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import type { Finding, TimelineEvent } from '../../../shared/a2a/types';
import { VerdictBadge } from '../../components/VerdictBadge';
import { eventLabel, formatGap, LONG_GAP_MS, toRows, type TimelineRow } from './timeline-rows';

const ROW_HEIGHT = 32;
// One formatter for every row: toLocaleTimeString builds a new one per call.
const TIME = new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const Row = memo(function Row(props: {
  row: TimelineRow;
  selected: boolean;
  onSelect: (i: number) => void;
  index: number;
}) {
  const { event: e, segment, gapMs } = props.row;
  const cell = (
    <span className="tl-cell">
      <span className="tl-kind">{eventLabel(e)}</span>
      {e.state ? <span className={`tl-state st-${e.state}`}>{e.state}</span> : null}
      {e.verdict ? <VerdictBadge verdict={e.verdict} /> : null}
      {e.findings?.map((f, i) => (
        <span key={i} className={`tl-finding sev-${f.severity}`} title={f.message}>
          {f.rule}
        </span>
      ))}
      <span className="tl-text">{e.text ?? ''}</span>
    </span>
  );
  return (
    <div
      role="row"
      data-testid="tl-row"
      className={`tl-row${props.selected ? ' selected' : ''}${gapMs !== null && gapMs > LONG_GAP_MS ? ' long-gap' : ''}`}
      style={{ height: ROW_HEIGHT }}
      onClick={() => props.onSelect(props.index)}
      data-source={e.source}
    >
      <span className={`tl-seg st-${segment ?? 'none'}`} aria-hidden="true" />
      <span className="tl-time">{TIME.format(e.at)}</span>
      <span className="tl-gap">{formatGap(gapMs)}</span>
      <span className="tl-lane">{e.source === 'stream' ? cell : null}</span>
      <span className="tl-lane">{e.source === 'webhook' ? cell : null}</span>
    </div>
  );
});

export function Timeline({ events, findings }: { events: TimelineEvent[]; findings: Finding[] }) {
  const rows = useMemo(() => toRows(events), [events]);
  const counts = useMemo(() => {
    let webhook = 0;
    for (const e of events) if (e.source === 'webhook') webhook++;
    return { stream: events.length - webhook, webhook };
  }, [events]);
  const streamLevel = useMemo(
    () => findings.filter((f) => f.frameId === null && f.captureId === undefined),
    [findings],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [follow, setFollow] = useState(true);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 16,
  });
  useEffect(() => {
    if (follow && rows.length) virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows.length, follow, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const sel = selected !== null ? rows[selected]?.event : undefined;
  return (
    <div className="timeline">
      <div className="tl-head" role="row">
        <span className="tl-seg" />
        <span className="tl-time">time</span>
        <span className="tl-gap">gap</span>
        <span className="tl-lane">stream ({counts.stream})</span>
        <span className="tl-lane">webhooks ({counts.webhook})</span>
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
      <div className="tl-scroll" ref={scrollRef} role="grid" data-testid="timeline">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          <div style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((v) => {
              const row = rows[v.index];
              return row ? (
                <Row
                  key={v.index}
                  row={row}
                  index={v.index}
                  selected={v.index === selected}
                  onSelect={setSelected}
                />
              ) : null;
            })}
          </div>
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
