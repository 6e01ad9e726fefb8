// Runs verification for one stored capture against the current settings and saves the checks
// and verdict. Used by the receiver (with the bytes in hand), by re-verification and by imports.
import type { CaptureSummary, Check, RuleAnswer, Settings, Verdict } from '../../../shared/model';
import {
  verifyCapture,
  verdictOf,
  type RegisteredTokens,
  type VerifyInput,
} from '../../../shared/verify/index';
import type { CapturesRepo } from '../store/captures-repo';
import type { GroupCommit } from '../store/group-commit';
import type { JtiRepo } from '../store/jti-repo';

export interface VerifyDeps {
  captures: CapturesRepo;
  jti: JtiRepo;
  settings: () => Settings;
  /** Notification tokens Switchboard registered per task (its own push configs). */
  registeredTokens?: RegisteredTokens;
  /** Shares transactions with concurrent writers (the receiver's burst path). */
  commit?: GroupCommit;
}

export interface VerifyOutcome {
  checks: Check[];
  verdict: Verdict;
}

export async function verifyAndSave(
  deps: VerifyDeps,
  id: number,
  input: VerifyInput,
  answered?: { status: number; answeredBy: RuleAnswer | null },
): Promise<VerifyOutcome> {
  const checks = await verifyCapture(input, deps.settings(), {
    // Through the group commit when there is one: a burst shares one transaction.
    rememberJti: (jti) =>
      deps.commit
        ? deps.commit.enqueue(() => deps.jti.remember(jti, id))
        : deps.jti.remember(jti, id),
    ...(deps.registeredTokens ? { registeredTokens: deps.registeredTokens } : {}),
  });
  const verdict = verdictOf(checks);
  const save = () => deps.captures.saveVerification(id, checks, verdict, answered);
  if (deps.commit) await deps.commit.enqueue(save);
  else save();
  return { checks, verdict };
}

/** Re-verifies a capture already in the store; null when it no longer exists. */
export async function reverifyStored(
  deps: VerifyDeps,
  id: number,
): Promise<(VerifyOutcome & { summary: CaptureSummary; previous: Verdict }) | null> {
  const detail = deps.captures.get(id);
  const body = deps.captures.body(id);
  if (!detail || !body) return null;
  const outcome = await verifyAndSave(deps, id, {
    method: detail.method,
    path: detail.path,
    headers: detail.headers,
    body,
    receivedAt: detail.receivedAt,
    taskId: detail.taskId,
  });
  return {
    ...outcome,
    previous: detail.verdict,
    summary: { ...detail, verdict: outcome.verdict },
  };
}
