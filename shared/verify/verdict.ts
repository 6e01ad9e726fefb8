// Folds checks into one verdict: any failure makes a capture invalid; at least one pass and no
// failure makes it valid; all skipped means nothing could be verified.
import type { Check, Verdict } from '../model';

export function verdictOf(checks: Check[]): Verdict {
  if (checks.some((c) => c.status === 'fail')) return 'invalid';
  return checks.some((c) => c.status === 'pass') ? 'valid' : 'unverified';
}
