// The receiver's audit log: every request it turned away (too large, unreadable, malformed HTTP,
// refused in enforce mode), every endpoint challenge it answered, and internal errors. Live from
// 'audit' events; newest first; older pages on demand. Paths and reasons are shown as text.
import { useEffect } from 'react';
import { useClock } from '../../state/display-prefs';
import { useApp } from '../../state/store';

export function AuditView() {
  const clock = useClock();
  const items = useApp((s) => s.audit.items);
  const cursor = useApp((s) => s.audit.cursor);
  const error = useApp((s) => s.audit.error);
  const load = useApp((s) => s.audit.load);
  const loadOlder = useApp((s) => s.audit.loadOlder);
  // Loaded each time the screen opens; the slice adds live entries on top from then on.
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel audit-view" aria-label="Audit log">
      <h2 className="panel-title">
        Receiver audit log
        <span className="muted">
          Requests the receiver refused or could not read, and endpoint challenges it answered.
        </span>
      </h2>
      {error ? <p className="error-text">{error}</p> : null}
      {items.length === 0 ? (
        <p className="muted small">Nothing refused so far: every request was captured.</p>
      ) : (
        <table className="data-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>time</th>
              <th>kind</th>
              <th>method</th>
              <th>path</th>
              <th>status</th>
              <th>reason</th>
              <th>from</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <td className="mono">{clock.time(a.at)}</td>
                <td className={`audit-kind-${a.kind}`}>{a.kind}</td>
                <td className="mono">{a.method}</td>
                <td className="mono audit-wrap">{a.path}</td>
                <td className="mono">{a.status}</td>
                <td className="audit-wrap">{a.reason}</td>
                <td className="mono">{a.remoteAddress}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor ? (
        <button type="button" className="btn btn-small" onClick={() => void loadOlder()}>
          Load older
        </button>
      ) : null}
    </section>
  );
}
