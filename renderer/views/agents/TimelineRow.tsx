// One row of the task timeline, memoized: it only reads a precomputed row view (time, gap,
// label, title, segment strings made once at ingest), so re-rendering a row formats nothing. A
// row whose page is still loading renders as an empty placeholder of the same fixed height.
// Text that does not fit ends in an ellipsis; the full line is the row's tooltip, and the row is
// focusable (Enter opens its detail). Webhook rows show the receiver's answer and the attempt.
import { memo } from 'react';
import { describeAnswer } from '../../../shared/model';
import { VerdictBadge } from '../../components/VerdictBadge';
import { useDisplayPrefs } from '../../state/display-prefs';
import type { LaneLayout } from './timeline-prefs';
import type { TimelineRowView } from '../../state/timeline-rows';

export const ROW_HEIGHT = 32;
/** With wrap on: up to three lines of text per row. */
export const WRAPPED_ROW_HEIGHT = 60;

// Fixed height and contained layout/paint: a row's content never resizes or repaints others.
const STYLES = {
  [ROW_HEIGHT]: { height: ROW_HEIGHT, contain: 'content' },
  [WRAPPED_ROW_HEIGHT]: { height: WRAPPED_ROW_HEIGHT, contain: 'content' },
} as const;

export const TimelineRow = memo(function TimelineRow(props: {
  view: TimelineRowView | undefined;
  index: number;
  selected: boolean;
  layout: LaneLayout;
  height: typeof ROW_HEIGHT | typeof WRAPPED_ROW_HEIGHT;
  onSelect: (key: string, index: number) => void;
}) {
  const { view, onSelect, layout, index } = props;
  const style = STYLES[props.height];
  const clock = useDisplayPrefs((s) => s.clock);
  const gaps = useDisplayPrefs((s) => s.gaps);
  if (!view)
    return (
      <div
        role="option"
        aria-selected={false}
        className="tl-row"
        data-testid="tl-row-loading"
        style={style}
      >
        <span className="tl-seg st-none" aria-hidden="true" />
        <span className="tl-time">…</span>
      </div>
    );
  const e = view.event;
  const answered = e.responseStatus;
  const cell = (
    <span className="tl-cell">
      {layout === 'merged' ? (
        <span className={`tl-lane-tag lane-${e.source}`}>{e.source === 'stream' ? 'S' : 'W'}</span>
      ) : null}
      <span className="tl-kind">{view.label}</span>
      {e.state ? <span className={`tl-state st-${e.state}`}>{e.state}</span> : null}
      {e.verdict ? <VerdictBadge verdict={e.verdict} /> : null}
      {answered !== undefined ? (
        <span
          className={`tl-answer ${answered >= 200 && answered < 300 ? 'ok' : 'bad'}`}
          data-testid="tl-answer"
        >
          → {describeAnswer(answered, e.answeredBy)}
        </span>
      ) : null}
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
      role="option"
      tabIndex={0}
      data-testid="tl-row"
      className={`tl-row${props.selected ? ' selected' : ''}${view.longGap ? ' long-gap' : ''}`}
      style={style}
      title={view.title}
      aria-selected={props.selected}
      onClick={() => onSelect(view.key, index)}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onSelect(view.key, index);
        } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
          // Arrow keys move between rows (the browser scrolls the focused row into view).
          ev.preventDefault();
          const next =
            ev.key === 'ArrowDown'
              ? ev.currentTarget.nextElementSibling
              : ev.currentTarget.previousElementSibling;
          if (next instanceof HTMLElement) next.focus();
        }
      }}
      data-source={e.source}
    >
      <span className={`tl-seg st-${view.segment ?? 'none'}`} aria-hidden="true" />
      <span className="tl-time">{clock === '12h' ? view.time12 : view.time}</span>
      <span className="tl-gap">{gaps ? view.gap : ''}</span>
      {layout === 'merged' ? (
        <span className="tl-lane">{cell}</span>
      ) : (
        <>
          <span className="tl-lane">{e.source === 'stream' ? cell : null}</span>
          <span className="tl-lane">{e.source === 'webhook' ? cell : null}</span>
        </>
      )}
    </div>
  );
});
