// Handler report: target URL + the capture chosen on the Captures screen ("Handler report" in
// its toolbar, or the first marked row; never a typed id), runs every attack preset plus a valid
// re-signed delivery and shows expected vs actual with a verdict per row; exports Markdown and
// JSON. A failed run replaces the previous report, so no stale result sits under the error.
import { errorText } from '../../../shared/error-text';
import { useState } from 'react';
import type { HandlerReport } from '../../../shared/api/replay';
import { useApp } from '../../state/store';
import { downloadText } from './replay-bridge';

export function HandlerReportSection() {
  const [target, setTarget] = useState('');
  const captureId = useApp((s) => s.replayIds[0] ?? null);
  const handlerReport = useApp((s) => s.replay.ops.handlerReport);
  const [confirm, setConfirm] = useState(false);
  const [report, setReport] = useState<HandlerReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      if (captureId === null) throw new Error('Choose a capture first (see above).');
      setReport(
        await handlerReport({
          targetUrl: target.trim(),
          captureId,
          confirmNonLoopback: confirm,
        }),
      );
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-label="Handler report" data-testid="handler-report">
      <h2 className="panel-title">Handler report</h2>
      <div className="replay-row">
        <label className="replay-field">
          <span>Handler URL</span>
          <input
            className="mono"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
            placeholder="http://127.0.0.1:3000/webhook"
            data-testid="report-target"
          />
        </label>
        <div className="replay-field replay-narrow" data-testid="report-capture">
          <span>Capture</span>
          <span className="mono">
            {captureId !== null
              ? `#${captureId}`
              : 'none: open a capture and press “Handler report”'}
          </span>
        </div>
      </div>
      <label className="replay-check">
        <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />{' '}
        The handler may be off this machine
      </label>
      <div className="replay-row">
        <button
          type="button"
          className="btn btn-primary btn-small"
          disabled={busy || !target.trim() || captureId === null}
          onClick={() => void run()}
          data-testid="report-run"
        >
          {busy ? 'Attacking…' : 'Run every attack'}
        </button>
        {report && (
          <>
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                downloadText(
                  `handler-report-${report.reportId}.md`,
                  report.markdown,
                  'text/markdown',
                )
              }
            >
              Export Markdown
            </button>
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                downloadText(
                  `handler-report-${report.reportId}.json`,
                  JSON.stringify(report, null, 2),
                  'application/json',
                )
              }
            >
              Export JSON
            </button>
          </>
        )}
      </div>
      {error && (
        <div className="notice notice-error" role="alert" data-testid="report-error">
          {error}
        </div>
      )}
      {report && <ReportTable report={report} />}
    </section>
  );
}

function ReportTable({ report }: { report: HandlerReport }) {
  return (
    <>
      <p
        className={
          report.vulnerable > 0
            ? 'verdict-VULNERABLE'
            : report.validRejected
              ? 'verdict-broken'
              : 'verdict-secure'
        }
        data-testid="report-summary"
      >
        {report.vulnerable > 0
          ? `${report.vulnerable} attack(s) accepted: VULNERABLE`
          : report.validRejected
            ? 'The valid delivery was refused: nothing can be concluded'
            : 'No attack was accepted'}
      </p>
      {report.validRejected && (
        <div className="notice notice-error">
          The valid re-signed delivery was refused: the handler and Switchboard do not share the
          same secrets, so refusals prove little.
        </div>
      )}
      <table className="replay-table">
        <thead>
          <tr>
            <th>check</th>
            <th>what was sent</th>
            <th>expected</th>
            <th>actual</th>
            <th>verdict</th>
            <th>why</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((r) => (
            <tr key={r.check} data-testid={`report-row-${r.check}`}>
              <td className="mono">{r.check}</td>
              <td>{r.description}</td>
              <td>{r.expected}</td>
              <td className="mono">
                {r.statuses.length ? r.statuses.map((s) => s ?? 'none').join(', ') : '—'}
              </td>
              <td className={`verdict-${r.verdict}`}>{r.verdict}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
