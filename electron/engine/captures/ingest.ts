// The one way a request becomes a capture, used by the receiver and by HAR import: verify it with
// the current settings (on a worker when there is a pool), then store it once, with its checks,
// verdict and answer status, through the group commit and in arrival order; then announce it.
// The write comes before any answer: a request acknowledged 2xx is already on disk.
import type { EngineEvent } from '../../../shared/events';
import type { NewCapture } from '../store/captures-repo';
import type { GroupCommit } from '../store/group-commit';
import type { RuleResponse } from './receiver/response-rules';
import { writeCapture, type WrittenCapture } from './receiver/capture-write';
import { verifyUnsaved, type UnsavedVerification, type VerifyDeps } from './verify-and-save';
import type { VerifyPool } from './verify-pool';

export interface IngestDeps extends VerifyDeps {
  commit: GroupCommit;
  emit(event: EngineEvent): void;
  /** Configured response rules (to watch an agent's retries); null when none matches. */
  responseRule?(method: string, path: string): RuleResponse | null;
  /** Verification on worker threads; absent = on the main thread. */
  verifyPool?: VerifyPool | undefined;
}

export interface IngestOptions {
  /** Refuse what fails verification (the receiver's enforce mode). */
  enforce: boolean;
  /** False for imports: nobody was answered, so no answer status is stored. */
  answered: boolean;
}

/** Verifies and stores one capture; throws when it could not be stored (then nothing may
 *  acknowledge it). */
export async function ingestCapture(
  deps: IngestDeps,
  c: NewCapture,
  o: IngestOptions,
): Promise<WrittenCapture> {
  const input = {
    method: c.method,
    path: c.path,
    headers: c.headers,
    body: c.body,
    receivedAt: c.receivedAt,
    taskId: c.taskId,
  };
  // Why the turn: verifications finish in any order (a worker, a JWKS fetch); captures are
  // written, and numbered, in the order their bodies arrived.
  const turn = deps.commit.takeTurn();
  let verified: UnsavedVerification;
  try {
    verified = await (deps.verifyPool?.verify(input) ?? verifyUnsaved(deps, input));
    await turn.ready;
  } catch (err) {
    turn.done(); // never hold up the requests behind this one
    throw err;
  }
  let write: Promise<WrittenCapture>;
  try {
    write = deps.commit.enqueue(() => writeCapture(deps, c, verified, o));
  } finally {
    turn.done();
  }
  return write;
}

/** Tells the renderer (and the A2A client) about a stored capture with its verdict. */
export function announceCapture(deps: IngestDeps, c: NewCapture, w: WrittenCapture): void {
  deps.emit({
    type: 'capture',
    capture: {
      id: w.id,
      receivedAt: c.receivedAt,
      method: c.method,
      path: c.path,
      taskId: c.taskId,
      verdict: w.verdict,
      size: c.body.byteLength,
      contentType: c.contentType,
      source: c.source,
      ...(c.importedAt != null ? { importedAt: c.importedAt } : {}),
      answeredBy: w.rule?.rule ?? null,
    },
  });
}
