// The receiver's one write per capture, run inside the group commit's transaction: settles the
// JWT id against earlier captures, decides the answer (an enforce refusal or a response rule)
// and inserts the capture with its checks, verdict and answer status in the same statement.
import type { Verdict } from '../../../../shared/model';
import { settleJti, type UnsavedVerification } from '../verify-and-save';
import type { NewCapture } from '../../store/captures-repo';
import type { IngestDeps, IngestOptions } from '../ingest';
import type { RuleResponse } from './response-rules';
import { enforceDecision, type Refusal } from './enforce';

export interface WrittenCapture {
  id: number;
  verdict: Verdict;
  refusal: Refusal | null;
  rule: RuleResponse | null;
}

export function writeCapture(
  deps: IngestDeps,
  capture: NewCapture,
  verified: UnsavedVerification,
  o: IngestOptions,
): WrittenCapture {
  const { checks, verdict } = settleJti(deps.jti, verified);
  const refusal = o.enforce ? enforceDecision(capture.headers, checks, verdict) : null;
  const rule = refusal ? null : (deps.responseRule?.(capture.method, capture.path) ?? null);
  const id = deps.captures.insert({
    ...capture,
    checks,
    verdict,
    responseStatus: o.answered ? (refusal?.status ?? rule?.status ?? 200) : null,
    answeredBy: rule?.rule ?? null,
  });
  if (verified.jti !== null) deps.jti.record(verified.jti, id);
  return { id, verdict, refusal, rule };
}
