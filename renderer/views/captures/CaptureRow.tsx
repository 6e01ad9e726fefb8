// One fixed-height row (a listbox option) of the live list. Everything shown came from an agent,
// so it is rendered as text children only; the full path is in the title for hover. The option's
// accessible name spells the row out in words, since the visual column header is not announced.
// Memoized: a row re-renders only when its summary, clock format or state flags change, and its
// strings come precomputed per summary (capture-row-text.ts).
import { memo, type MouseEvent } from 'react';
import type { CaptureSummary } from '../../../shared/model';
import { VerdictBadge } from '../../components/VerdictBadge';
import type { ClockFormat } from '../../lib/format';
import { captureRowText } from './capture-row-text';
import { OriginChip } from './OriginChip';

export const ROW_HEIGHT = 32;

/** DOM id of a row, referenced by the listbox's aria-activedescendant. */
export const rowDomId = (id: number) => `capture-row-${id}`;

export const CaptureRow = memo(function CaptureRow(props: {
  capture: CaptureSummary;
  clock: ClockFormat;
  selected: boolean;
  marked: boolean;
  active: boolean;
  onOpen: (id: number, e: MouseEvent) => void;
}) {
  const c = props.capture;
  const text = captureRowText(c, props.clock);
  const cls = [
    'row',
    props.selected ? 'selected' : '',
    props.marked ? 'marked' : '',
    props.active ? 'active' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="option"
      id={rowDomId(c.id)}
      aria-selected={props.selected || props.marked}
      className={cls}
      data-testid="capture-row"
      data-id={c.id}
      data-verdict={c.verdict}
      data-marked={props.marked ? 'true' : undefined}
      style={{ height: ROW_HEIGHT }}
      onClick={(e) => props.onOpen(c.id, e)}
    >
      <span className="cell cell-time mono" title={text.timeTitle}>
        {text.time}
      </span>
      <span className={text.methodClass}>{c.method}</span>
      <span className="cell cell-path mono" title={c.path}>
        <OriginChip origin={c.source} />
        {c.path}
      </span>
      <span className="cell cell-task mono" title={c.taskId ?? undefined}>
        <span className="sr-only">task </span>
        {c.taskId ?? '—'}
      </span>
      <span className="cell cell-verdict">
        <VerdictBadge verdict={c.verdict} />
      </span>
      <span className="cell cell-size mono">{text.size}</span>
    </div>
  );
});
