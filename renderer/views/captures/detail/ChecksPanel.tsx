// Verification checks: failed first, then passed, then skipped; each with its reason and, for
// failures, the diagnosis (expected vs received signature, signed string...) as literal text.
import type { Check, CheckStatus } from '../../../../shared/model';
import { LongText } from '../../../components/LongText';
import { diagnosisRows } from '../../../lib/diagnosis';
import { StatusBadge } from '../../../components/VerdictBadge';

const ORDER: Record<CheckStatus, number> = { fail: 0, pass: 1, skip: 2 };

const LABELS: Record<string, string> = {
  'hmac-sha256': 'HMAC-SHA256 signature',
  jwt: 'JWT',
  timestamp: 'Timestamp window',
  'jti-replay': 'JWT replay (jti)',
  'notification-token': 'Notification token',
  'standard-webhooks': 'Standard Webhooks',
  'github-signature': 'GitHub signature',
};

/** Failed first, then passed, then skipped; stable within a group (exported for tests). */
export function orderChecks(checks: readonly Check[]): Check[] {
  return checks
    .map((c, i) => ({ c, i }))
    .sort((a, b) => ORDER[a.c.status] - ORDER[b.c.status] || a.i - b.i)
    .map(({ c }) => c);
}

export function ChecksPanel({ checks }: { checks: Check[] }) {
  const ordered = orderChecks(checks);
  const count = (st: CheckStatus) => checks.filter((c) => c.status === st).length;
  return (
    <section className="panel" data-testid="checks">
      <h2 className="panel-title">
        Verification{' '}
        <span className="muted small">
          {count('fail')} failed · {count('pass')} passed · {count('skip')} skipped
        </span>
      </h2>
      {ordered.length === 0 && <p className="muted small">Not verified yet.</p>}
      <ul className="checks">
        {ordered.map((c) => (
          <li
            key={c.id}
            className={`check check-${c.status}`}
            data-testid={`check-${c.id}`}
            data-status={c.status}
          >
            <div className="check-head">
              <StatusBadge status={c.status} />
              <span className="check-name">{LABELS[c.id] ?? c.id}</span>
              <span className="check-id mono muted">{c.id}</span>
            </div>
            <div className="check-detail" data-testid="check-detail">
              <LongText text={c.detail} />
            </div>
            {c.diagnosis && Object.keys(c.diagnosis).length > 0 && (
              <dl className="kv diagnosis">
                {diagnosisRows(c.diagnosis, c.detail).map((r) => (
                  <div key={r.key} className="kv-row" data-testid={`diagnosis-${r.key}`}>
                    <dt>{r.label}</dt>
                    <dd className="mono break">
                      <LongText text={r.value} limit={300} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
