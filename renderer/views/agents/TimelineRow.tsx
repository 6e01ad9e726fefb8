// One row of the task timeline, memoized: it only reads a precomputed row view (time, gap,
// label, segment strings made once at ingest), so re-rendering a row formats nothing. A row
// whose page is still loading renders as an empty placeholder of the same fixed height.
import { memo } from 'react';
import { VerdictBadge } from '../../components/VerdictBadge';
import type { TimelineRowView } from './timeline-rows';

export const ROW_HEIGHT = 32;
// Fixed height and contained layout/paint: a row's content never resizes or repaints others.
const ROW_STYLE = { height: ROW_HEIGHT, contain: 'content' } as const;

export const TimelineRow = memo(function TimelineRow(props: {
  view: TimelineRowView | undefined;
  index: number;
  selected: boolean;
  onSelect: (i: number) => void;
}) {
  const { view, index, onSelect } = props;
  if (!view)
    return (
      <div
        role="row"
        className="tl-row"
        data-testid="tl-row-loading"
        style={{ height: ROW_HEIGHT }}
      >
        <span className="tl-seg st-none" aria-hidden="true" />
        <span className="tl-time">…</span>
      </div>
    );
  const e = view.event;
  const cell = (
    <span className="tl-cell">
      <span className="tl-kind">{view.label}</span>
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
      className={`tl-row${props.selected ? ' selected' : ''}${view.longGap ? ' long-gap' : ''}`}
      style={ROW_STYLE}
      onClick={() => onSelect(index)}
      data-source={e.source}
    >
      <span className={`tl-seg st-${view.segment ?? 'none'}`} aria-hidden="true" />
      <span className="tl-time">{view.time}</span>
      <span className="tl-gap">{view.gap}</span>
      <span className="tl-lane">{e.source === 'stream' ? cell : null}</span>
      <span className="tl-lane">{e.source === 'webhook' ? cell : null}</span>
    </div>
  );
});
