// One fixed-height row of the live list. Everything shown came from an agent, so it is rendered as
// text children only; the full path is in the title for hover.
import { memo } from 'react';
import type { CaptureSummary } from '../../../shared/model';
import { VerdictBadge } from '../../components/VerdictBadge';
import { formatSize } from '../../lib/format';
import { useClock } from '../../state/display-prefs';

export const ROW_HEIGHT = 32;

export const CaptureRow = memo(function CaptureRow(props: {
  capture: CaptureSummary;
  selected: boolean;
  active: boolean;
  onOpen: (id: number) => void;
}) {
  const c = props.capture;
  const clock = useClock();
  const cls = ['row', props.selected ? 'selected' : '', props.active ? 'active' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="row"
      aria-selected={props.selected}
      className={cls}
      data-testid="capture-row"
      data-id={c.id}
      data-verdict={c.verdict}
      style={{ height: ROW_HEIGHT }}
      onClick={() => props.onOpen(c.id)}
    >
      <span className="cell cell-time mono">{clock.time(c.receivedAt)}</span>
      <span className={`cell cell-method mono method-${c.method.toLowerCase()}`}>{c.method}</span>
      <span className="cell cell-path mono" title={c.path}>
        {c.path}
      </span>
      <span className="cell cell-task mono" title={c.taskId ?? undefined}>
        {c.taskId ?? '—'}
      </span>
      <span className="cell cell-verdict">
        <VerdictBadge verdict={c.verdict} />
      </span>
      <span className="cell cell-size mono">{formatSize(c.size)}</span>
    </div>
  );
});
