// The one way a request becomes a capture, used by the receiver and by HAR import: store it
// durably (through the group commit when there is one), then verify it with the current settings
// and announce it. Store first: a request acknowledged 2xx must already be on disk.
import type { EngineEvent } from '../../../shared/events';
import type { RuleAnswer, Verdict } from '../../../shared/model';
import type { NewCapture } from '../store/captures-repo';
import { verifyAndSave, type VerifyDeps, type VerifyOutcome } from './verify-and-save';

export interface IngestDeps extends VerifyDeps {
  emit(event: EngineEvent): void;
}

export interface IngestedCapture {
  id: number;
  /** Verifies and saves the checks; `answered` records what the receiver sent back. */
  verify(answered?: { status: number; answeredBy: RuleAnswer | null }): Promise<VerifyOutcome>;
  /** Tells the renderer (and the A2A client) about the capture with its verdict. */
  announce(verdict: Verdict, answeredBy: RuleAnswer | null): void;
}

/** Stores one capture; throws when it could not be stored (then nothing may acknowledge it). */
export async function ingestCapture(deps: IngestDeps, c: NewCapture): Promise<IngestedCapture> {
  const id = deps.commit
    ? await deps.commit.enqueue(() => deps.captures.insert(c))
    : deps.captures.insert(c);
  const input = {
    method: c.method,
    path: c.path,
    headers: c.headers,
    body: c.body,
    receivedAt: c.receivedAt,
    taskId: c.taskId,
  };
  return {
    id,
    verify: (answered) => verifyAndSave(deps, id, input, answered),
    announce: (verdict, answeredBy) =>
      deps.emit({
        type: 'capture',
        capture: {
          id,
          receivedAt: c.receivedAt,
          method: c.method,
          path: c.path,
          taskId: c.taskId,
          verdict,
          size: c.body.byteLength,
          contentType: c.contentType,
          source: c.source,
          ...(c.importedAt != null ? { importedAt: c.importedAt } : {}),
          answeredBy,
        },
      }),
  };
}
