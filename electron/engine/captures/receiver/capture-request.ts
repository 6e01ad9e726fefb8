// Handles one POST/PUT/PATCH on plain node:http (the hot path skips express): read the exact
// bytes, verify them, store capture and verdict in one durable write, answer. Invariant: a 2xx
// is sent only after the capture row is committed.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeaderPair } from '../../../../shared/model';
import { extractTaskId, headerValue } from '../../../../shared/verify/index';
import { announceCapture, ingestCapture, type IngestDeps } from '../ingest';
import type { ReplayMarks } from '../../replay/replay-marks';
import type { AuditRepo } from '../../store/audit-repo';
import type { NewCapture } from '../../store/captures-repo';
import type { WrittenCapture } from './capture-write';
import { BodyTooLargeError, readBody } from './read-body';
import { claimRefusal } from './refusals';
import type { RuleResponse } from './response-rules';

export interface ReceiverDeps extends IngestDeps {
  audit: AuditRepo;
  /** Replays Switchboard announced it is sending to itself (origin "replay"). */
  replayMarks?: ReplayMarks;
}

export async function captureRequest(
  deps: ReceiverDeps,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const receivedAt = Date.now();
  const method = req.method ?? 'POST';
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  // The path is kept as sent (still percent-encoded), like every other captured byte.
  const path = q >= 0 ? url.slice(0, q) : url;
  const query = q >= 0 ? url.slice(q + 1) : '';
  const remoteAddress = req.socket.remoteAddress ?? '';
  const audit = (status: number, reason: string, kind: 'rejected' | 'error' = 'rejected') => {
    const entry = deps.audit.insert({
      at: Date.now(),
      kind,
      method,
      path,
      status,
      reason,
      remoteAddress,
    });
    deps.emit({ type: 'audit', entry });
  };

  let body: Uint8Array;
  try {
    body = await readBody(req, deps.settings().bodyLimitBytes);
  } catch (err) {
    // Already refused on the socket (timeout, parser error): audited and answered there.
    if (!claimRefusal(req.socket)) return;
    const tooLarge = err instanceof BodyTooLargeError;
    const reason = tooLarge
      ? (err as Error).message
      : `could not read body: ${(err as Error).message}`;
    audit(tooLarge ? 413 : 400, reason);
    if (!res.headersSent && !req.socket.destroyed) {
      // Why close: the unread rest of an oversized body must not be parsed as the next request.
      send(
        res,
        tooLarge ? 413 : 400,
        { error: tooLarge ? 'payload_too_large' : 'bad_body', message: reason },
        true,
      );
    }
    return;
  }

  const headers = pairs(req.rawHeaders);
  const taskId = extractTaskId(headers, body);
  const contentType = headerValue(headers, 'content-type') ?? null;
  const source = deps.replayMarks?.take(path, body) ? 'replay' : 'receiver';
  const capture: NewCapture = {
    ...{ source, receivedAt, method, path, query, headers, body },
    ...{ remoteAddress, taskId, contentType },
  };
  // Verified before the write, so the capture is stored once with its verdict (node:crypto).
  let written: WrittenCapture;
  try {
    const enforce = deps.settings().responseMode === 'enforce';
    written = await ingestCapture(deps, capture, { enforce, answered: true });
  } catch (err) {
    // Not stored means not acknowledged: the sender sees a 5xx and can retry.
    audit(500, `could not store capture: ${(err as Error).message}`, 'error');
    send(res, 500, { error: 'store_failed', message: 'Switchboard could not store this request' });
    return;
  }

  const { id, refusal, rule } = written;
  if (refusal) {
    audit(refusal.status, refusal.reason);
    send(res, refusal.status, {
      error: refusal.status === 400 ? 'missing_headers' : 'verification_failed',
      message: refusal.reason,
      captureId: id,
    });
  } else {
    await answer(res, rule, { status: 'received', taskId, captureId: id });
  }
  announceCapture(deps, capture, written);
}

/** Answers 200, or what the configured response rule says (after its delay). */
async function answer(
  res: ServerResponse,
  rule: RuleResponse | null,
  payload: object,
): Promise<void> {
  if (!rule) return send(res, 200, payload);
  if (rule.delayMs > 0) await new Promise((r) => setTimeout(r, rule.delayMs));
  send(
    res,
    rule.status,
    rule.body,
    false,
    rule.retryAfter ? { 'Retry-After': rule.retryAfter } : {},
  );
}

function send(
  res: ServerResponse,
  status: number,
  payload: object | string,
  close = false,
  extra: Record<string, string> = {},
): void {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  res.writeHead(status, {
    ...extra,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(text);
}

function pairs(raw: string[]): HeaderPair[] {
  const out: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}
