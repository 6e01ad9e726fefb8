// HAR: import a .har file (browsers, HTTP Toolkit, ngrok, Switchboard) as captures that are
// verified like live ones; export chosen captures as HAR 1.2.
import { useState } from 'react';
import { getApi } from '../../state/store';
import { downloadText, errorText } from './replay-bridge';

export function HarSection() {
  const [ids, setIds] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onImport = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const r = await getApi().importHar({ har: await file.text() });
      setMessage(
        `Imported ${r.imported} capture(s)${r.skipped.length ? `, skipped ${r.skipped.length} (${r.skipped[0]?.reason ?? ''}…)` : ''}.`,
      );
    } catch (err) {
      setError(errorText(err));
    }
  };
  const onExport = async () => {
    setError(null);
    try {
      const list = ids
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      const r = await getApi().exportHar({ ids: list });
      downloadText(r.fileName, r.har, 'application/json');
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
        <label className="replay-field">
          <span>Export capture ids</span>
          <input
            className="mono"
            value={ids}
            onChange={(e) => setIds(e.target.value)}
            placeholder="12, 13, 20"
          />
        </label>
        <button
          type="button"
          className="btn btn-small"
          disabled={!ids.trim()}
          onClick={() => void onExport()}
        >
          Export HAR
        </button>
      </div>
      {message && <div className="notice muted">{message}</div>}
      {error && <div className="notice notice-error">{error}</div>}
    </section>
  );
}
