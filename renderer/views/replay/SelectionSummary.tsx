// Which captures a Replay-screen action works on, chosen without typing ids: the captures picked
// on the Captures screen (marked rows, or the open capture), or everything matching its filter.
import type { CaptureFilters } from '../../state/captures-window';
import { useApp } from '../../state/store';
import { ORIGIN_WORDS } from '../captures/OriginChip';
import type { HarSelection } from './replay-bridge';

export type Scope = 'chosen' | 'filter';

export function filterSelection(f: CaptureFilters): HarSelection {
  return {
    ...(f.verdict ? { verdict: f.verdict } : {}),
    ...(f.taskId.trim() ? { taskId: f.taskId.trim() } : {}),
    ...(f.q.trim() ? { q: f.q.trim() } : {}),
    ...(f.origin ? { source: f.origin } : {}),
  };
}

export function describeFilter(f: CaptureFilters): string {
  const parts = [
    f.verdict && `verdict ${f.verdict}`,
    f.taskId.trim() && `task ${f.taskId.trim()}`,
    f.q.trim() && `text “${f.q.trim()}”`,
    f.origin && `origin ${ORIGIN_WORDS[f.origin]}`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no filter: every capture';
}

export function SelectionSummary(props: {
  scope: Scope;
  onScope: (s: Scope) => void;
  name: string;
}) {
  const chosen = useApp((s) => s.replayIds);
  const filters = useApp((s) => s.filters);
  return (
    <fieldset className="replay-scope" data-testid={`${props.name}`}>
      <legend>Captures</legend>
      <label className="replay-check">
        <input
          type="radio"
          name={props.name}
          checked={props.scope === 'chosen' && chosen.length > 0}
          disabled={chosen.length === 0}
          onChange={() => props.onScope('chosen')}
        />{' '}
        {chosen.length
          ? `Chosen on the Captures screen: ${chosen.length} (${chosen
              .slice(0, 5)
              .map((id) => `#${id}`)
              .join(', ')}${chosen.length > 5 ? ', …' : ''})`
          : 'Chosen: mark captures in the list, then “Replay marked…”'}
      </label>
      <label className="replay-check">
        <input
          type="radio"
          name={props.name}
          checked={props.scope === 'filter' || chosen.length === 0}
          onChange={() => props.onScope('filter')}
        />{' '}
        All matching the Captures filter ({describeFilter(filters)})
      </label>
    </fieldset>
  );
}
