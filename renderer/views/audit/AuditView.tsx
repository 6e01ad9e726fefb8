// The receiver's audit log: every request it turned away (too large, unreadable, malformed HTTP,
// refused in enforce mode), every endpoint challenge it answered, and internal errors. Live from
// 'audit' events; newest first; older pages on demand. Paths and reasons are shown as text.
import { errorText } from '../../../shared/error-text';
import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry } from '../../../shared/model';
import { useClock } from '../../state/display-prefs';
import { getApi, onEngineBatch } from '../../state/store';
import './audit.css';

const PAGE = 200;

export function AuditView() {
  const clock = useClock();
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const loadOlder = useCallback(async (from: string) => {
    try {
      const page = await getApi().listAudit({ limit: PAGE, cursor: from });
      setItems((prev) => [...prev, ...page.items]);
      setCursor(page.nextCursor);
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  useEffect(() => {
    let alive = true;
    getApi()
      .listAudit({ limit: PAGE })
      .then(
        (page) => {
          if (!alive) return;
          setItems(page.items);
          setCursor(page.nextCursor);
        },
        (err: Error) => alive && setError(err.message),
      );
    const off = onEngineBatch((batch) => {
      const fresh = batch.flatMap((e) => (e.type === 'audit' ? [e.entry] : []));
      if (fresh.length) setItems((prev) => [...fresh.reverse(), ...prev]);
    });
    return () => {
      alive = false;
      off();
    };
  }, []);

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
        <button type="button" className="btn btn-small" onClick={() => void loadOlder(cursor)}>
          Load older
        </button>
      ) : null}
    </section>
  );
}
