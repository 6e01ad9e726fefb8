// Verdict and check-status badges: colour plus a word (never colour alone).
import type { CheckStatus, Verdict } from '../../shared/model';

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge badge-${verdict}`}>{verdict}</span>;
}

const STATUS_LABEL: Record<CheckStatus, string> = { pass: 'pass', fail: 'fail', skip: 'skip' };

export function StatusBadge({ status }: { status: CheckStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}
