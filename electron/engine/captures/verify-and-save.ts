// Runs verification against the current settings: before the write for the receiver (the
// verdict goes into the capture's one insert, the jti settled inside that write), and for a
// stored capture (re-verification, imports), saving checks and verdict. node:crypto throughout.
import type { CaptureSummary, Check, RuleAnswer, Settings, Verdict } from '../../../shared/model';
import {
  jtiReplayed,
  verifyCapture,
  verdictOf,
  type RegisteredTokens,
  type VerifyInput,
} from '../../../shared/verify/index';
import type { CapturesRepo } from '../store/captures-repo';
import type { GroupCommit } from '../store/group-commit';
import type { JtiRepo } from '../store/jti-repo';
import { nodeCrypto } from './node-crypto';

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
    crypto: nodeCrypto,
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

/** Checks of a request not stored yet; `jti` is the token id still to settle in its write. */
export interface UnsavedVerification {
  checks: Check[];
  jti: string | null;
}

export async function verifyUnsaved(
  deps: Pick<VerifyDeps, 'settings' | 'registeredTokens'>,
  input: VerifyInput,
): Promise<UnsavedVerification> {
  let jti: string | null = null;
  const checks = await verifyCapture(input, deps.settings(), {
    crypto: nodeCrypto,
    // Provisionally first seen; settleJti decides inside the write, where no other request
    // can claim the same jti in between.
    rememberJti: (seen) => {
      jti = seen;
      return null;
    },
    ...(deps.registeredTokens ? { registeredTokens: deps.registeredTokens } : {}),
  });
  return { checks, jti };
}

/** Inside the capture's write: a jti an earlier capture used turns the check into a replay. */
export function settleJti(jti: JtiRepo, v: UnsavedVerification): VerifyOutcome {
  const earlier = v.jti === null ? null : jti.firstUser(v.jti);
  const checks =
    earlier === null || v.jti === null
      ? v.checks
      : v.checks.map((c) => (c.id === 'jti-replay' ? jtiReplayed(v.jti!, earlier) : c));
  return { checks, verdict: verdictOf(checks) };
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
