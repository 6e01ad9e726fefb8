// HAR: import a .har file (browsers, HTTP Toolkit, ngrok, Switchboard) as captures that are
// verified like live ones; export the chosen captures (from the Captures screen) or everything
// matching the current filter as HAR 1.2. Missing ids are skipped and named.
import { errorText } from '../../../shared/error-text';
import { useState } from 'react';
import { useApp } from '../../state/store';
import { exportHarDownload } from './replay-bridge';
import { filterSelection, SelectionSummary } from './SelectionSummary';

export function HarSection() {
  const chosen = useApp((s) => s.replayIds);
  const filters = useApp((s) => s.filters);
  const [scope, setScope] = useState<'chosen' | 'filter'>(chosen.length ? 'chosen' : 'filter');
  const ops = useApp((s) => s.replay.ops);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const r = await ops.importHar({ har: await file.text() });
      setMessage(
        `Imported ${r.imported} capture(s)${r.skipped.length ? `, skipped ${r.skipped.length} (${r.skipped[0]?.reason ?? ''}…)` : ''}.`,
      );
    } catch (err) {
      setError(errorText(err));
    }
  };
  const onExport = async () => {
    setError(null);
    setMessage(null);
    try {
      setMessage(
        await exportHarDownload(
          ops,
          scope === 'chosen' && chosen.length ? { captureIds: chosen } : filterSelection(filters),
        ),
      );
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="panel" aria-label="HAR" data-testid="har">
      <h2 className="panel-title">HAR import and export</h2>
      <label className="replay-field">
        <span>Import a .har file</span>
        <input
          type="file"
          accept=".har,application/json"
          onChange={(e) => void onImport(e.target.files?.[0])}
        />
      </label>
      <div className="replay-row">
        <SelectionSummary scope={scope} onScope={setScope} name="har-scope" />
        <button
          type="button"
          className="btn btn-small"
          onClick={() => void onExport()}
          data-testid="har-export"
        >
          Export HAR
        </button>
      </div>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="har-error">
          {error}
        </div>
      )}
      {message && !error && (
        <div className="notice muted" role="status" data-testid="har-message">
          {message}
        </div>
      )}
    </section>
  );
}
