// Re-verify every stored capture against the current settings: an explicit action (never a side
// effect of saving), confirmed first, and reporting how many verdicts changed, next to the button.
import { errorText } from '../../../shared/error-text';
import { useState } from 'react';
import { useApp } from '../../state/store';

export function ReverifyPanel() {
  const reverifyAll = useApp((s) => s.reverifyAll);
  const total = useApp((s) => s.total);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);

  const run = async () => {
    const ok = window.confirm(
      'Re-verify every stored capture with the current settings? Verdicts of captures signed ' +
        'with older secrets can change from valid to invalid.',
    );
    if (!ok) return;
    setBusy(true);
    setResult(null);
    try {
      const { reverified, changed } = await reverifyAll();
      setResult({
        text: `Re-verified ${reverified.toLocaleString('en-US')} captures: ${changed.toLocaleString('en-US')} verdict${changed === 1 ? '' : 's'} changed.`,
        error: false,
      });
    } catch (err) {
      setResult({ text: errorText(err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings-group reverify-panel" aria-labelledby="reverify-title">
      <h2 id="reverify-title" className="panel-title">
        Re-verify stored captures
      </h2>
      <p className="setting-help">
        Saving settings does not change stored verdicts. Run this to check every capture again with
        the settings above.
      </p>
      <div className="settings-actions">
        <button
          type="button"
          className="btn"
          disabled={busy || total === 0}
          onClick={() => void run()}
          data-testid="reverify"
        >
          {busy ? 'Re-verifying…' : 'Re-verify all captures…'}
        </button>
        {result && (
          <span
            role={result.error ? 'alert' : 'status'}
            className={result.error ? 'error-text' : 'muted'}
            data-testid="reverify-result"
          >
            {result.text}
          </span>
        )}
      </div>
    </section>
  );
}
