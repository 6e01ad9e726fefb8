// Judges one probe of a handler report (or a single attack replay) from the target's answers.
// Claims are only as strong as the run supports:
// - "secure" only for a refused attack when the baseline valid delivery was accepted in the same
//   run (a handler that refuses everything proves nothing; one that accepts everything is never
//   secure, since each attack row is then VULNERABLE and the baseline row is just "ok");
// - "broken" only for the baseline itself; other rows refused alongside it are "inconclusive";
// - a refused valid probe (accept-once first copy, out-of-order) with an accepted baseline is
//   "inconclusive" (stricter than expected), never "broken".
import type { Expectation, HandlerReportRow, ReportVerdict } from '../../../shared/api/replay';

const accepted = (s: number | null) => s !== null && s >= 200 && s < 300;

/** `baseline`: did the valid delivery pass in this run (null: not sent, a single replay). */
export function judge(
  check: HandlerReportRow['check'],
  description: string,
  expected: Expectation,
  statuses: (number | null)[],
  replayIds: number[],
  error: string | null,
  baseline: boolean | null,
  /** The steps went out at once: which copy the target saw first is not known. */
  concurrent = false,
): HandlerReportRow {
  const row = (verdict: ReportVerdict, reason: string): HandlerReportRow => ({
    check,
    description,
    expected,
    statuses,
    verdict,
    reason,
    replayIds,
  });
  if (statuses.some((s) => s === null)) return row('error', error ?? 'no response');
  const ok = statuses.filter(accepted).length;
  const list = statuses.join(', ');
  const unproven =
    baseline === null
      ? 'refused; run the handler report to confirm a valid delivery is accepted'
      : 'refused, but the valid delivery was refused too: this proves nothing';
  if (check === 'valid-resigned')
    return ok === statuses.length
      ? row('ok', 'accepted: the handler takes a valid delivery')
      : row('broken', `the valid delivery was refused (${list}): check the secrets`);
  switch (expected) {
    case 'accept':
      if (ok === statuses.length) return row('ok', 'all accepted');
      return baseline
        ? row('inconclusive', `refused some valid deliveries (${list}): stricter than expected`)
        : row('inconclusive', `refused (${list}), like the valid delivery`);
    case 'reject':
      if (ok > 0) return row('VULNERABLE', `accepted (${list}) although it must be refused`);
      return baseline ? row('secure', `refused (${list})`) : row('inconclusive', unproven);
    case 'accept-once':
      if (ok > 1) return row('VULNERABLE', `accepted ${ok} times (no replay/duplicate detection)`);
      if (ok === 1 && (concurrent || accepted(statuses[0] ?? null))) {
        const once = concurrent
          ? 'one copy accepted, the others refused'
          : 'first accepted, repeats refused';
        return baseline
          ? row('secure', once)
          : row('inconclusive', `${once}; no baseline in this run`);
      }
      return baseline
        ? row(
            'inconclusive',
            `the first, fresh delivery was refused (${list}) although the valid one passed`,
          )
        : row('inconclusive', `refused (${list}), like the valid delivery`);
  }
}
