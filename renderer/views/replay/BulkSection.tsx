// Bulk replay: the captures chosen on the Captures screen, or everything matching its filter, in
// original order, with a concurrency and rate limit or the original spacing; a progress bar fed
// by replay-progress events; cancellable. A failed start replaces the previous progress.
import { errorText } from '../../../shared/error-text';
import { useState } from 'react';
import { useApp } from '../../state/store';
import { filterSelection, SelectionSummary, type Scope } from './SelectionSummary';

export function BulkSection() {
  const chosen = useApp((s) => s.replayIds);
  const filters = useApp((s) => s.filters);
  const [scope, setScope] = useState<Scope>(chosen.length ? 'chosen' : 'filter');
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<'exact' | 'resigned'>('exact');
  const [concurrency, setConcurrency] = useState('4');
  const [rate, setRate] = useState('0');
  const [spacing, setSpacing] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const progress = useApp((s) => s.replay.bulk);
  const startBulk = useApp((s) => s.replay.startBulk);
  const cancelBulk = useApp((s) => s.replay.cancelBulk);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    try {
      await startBulk({
        selection:
          scope === 'chosen' && chosen.length ? { captureIds: chosen } : filterSelection(filters),
        ...(target.trim() ? { targetUrl: target.trim() } : {}),
        mode,
        concurrency: Math.max(1, Math.min(64, Number(concurrency) || 1)),
        ratePerSec: Math.max(0, Number(rate) || 0),
        originalSpacing: spacing,
        confirmNonLoopback: confirm,
      });
    } catch (err) {
      setError(errorText(err));
    }
  };
  const cancel = async () => {
    try {
      await cancelBulk();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const running = progress?.state === 'running';

  return (
    <section className="panel" aria-label="Bulk replay" data-testid="bulk-replay">
      <h2 className="panel-title">Bulk replay</h2>
      <SelectionSummary scope={scope} onScope={setScope} name="bulk-scope" />
      <div className="replay-row">
        <label className="replay-field">
          <span>Target (empty: each capture's path on the receiver)</span>
          <input className="mono" value={target} onChange={(e) => setTarget(e.target.value)} />
        </label>
        <label className="replay-field replay-narrow">
          <span>Mode</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as 'exact' | 'resigned')}>
            <option value="exact">exact</option>
            <option value="resigned">re-signed</option>
          </select>
        </label>
        <label className="replay-field replay-narrow">
          <span>Concurrency</span>
          <input
            value={concurrency}
            onChange={(e) => setConcurrency(e.target.value)}
            inputMode="numeric"
          />
        </label>
        <label className="replay-field replay-narrow">
          <span>Per second (0 = no limit)</span>
          <input value={rate} onChange={(e) => setRate(e.target.value)} inputMode="decimal" />
        </label>
      </div>
      <label className="replay-check">
        <input type="checkbox" checked={spacing} onChange={(e) => setSpacing(e.target.checked)} />{' '}
        Keep the original spacing (one at a time)
      </label>
      <label className="replay-check">
        <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />{' '}
        The target may be off this machine
      </label>
      <div className="replay-row">
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={running}
          onClick={() => void start()}
          data-testid="bulk-start"
        >
          Start
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!running}
          onClick={() => void cancel()}
        >
          Cancel
        </button>
      </div>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="bulk-error">
          {error}
        </div>
      )}
      {progress && (
        <div data-testid="bulk-progress">
          <progress className="replay-progress" max={progress.total} value={progress.done} />
          <div className="muted">
            {progress.state} · {progress.done}/{progress.total} · {progress.ok} ok ·{' '}
            {progress.failed} failed · {(progress.elapsedMs / 1000).toFixed(1)} s
          </div>
        </div>
      )}
    </section>
  );
}
