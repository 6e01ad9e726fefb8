// Handles one POST/PUT/PATCH: read exact bytes, store them durably, verify, then answer.
// Invariant: a 2xx is sent only after the capture row is committed.
import type { Request, Response } from 'express';
import type { EngineEvent } from '../../../shared/events';
import type { HeaderPair, Verdict } from '../../../shared/model';
import { extractTaskId, headerValue } from '../../../shared/verify/index';
import { verifyAndSave, type VerifyDeps } from '../captures/verify-and-save';
import type { AuditRepo } from '../store/audit-repo';
import { enforceDecision } from './enforce';
import { BodyTooLargeError, readBody } from './read-body';

export interface ResponseOverride {
  status: number;
  delayMs: number;
  body: string;
}

export interface ReceiverDeps extends VerifyDeps {
  audit: AuditRepo;
  emit(event: EngineEvent): void;
  /** Configured response rules (to watch an agent's retries); null when none matches. */
  responseRule?(method: string, path: string): ResponseOverride | null;
}

export async function captureRequest(
  deps: ReceiverDeps,
  req: Request,
  res: Response,
): Promise<void> {
  const receivedAt = Date.now();
  const path = req.path;
  const remoteAddress = req.socket.remoteAddress ?? '';
  const audit = (status: number, reason: string, kind: 'rejected' | 'error' = 'rejected') => {
    const entry = deps.audit.insert({
      at: Date.now(),
      kind,
      method: req.method,
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
    if (err instanceof BodyTooLargeError) {
      audit(413, err.message);
      res
        .status(413)
        .set('Connection', 'close')
        .json({ error: 'payload_too_large', message: err.message });
    } else {
      audit(400, `could not read body: ${(err as Error).message}`);
      if (!res.headersSent && !req.socket.destroyed)
        res.status(400).json({ error: 'bad_body', message: (err as Error).message });
    }
    return;
  }

  const headers = pairs(req.rawHeaders);
  const taskId = extractTaskId(headers, body);
  const url = req.originalUrl;
  const q = url.indexOf('?');
  let id: number;
  try {
    id = deps.captures.insert({
      receivedAt,
      method: req.method,
      path,
      query: q >= 0 ? url.slice(q + 1) : '',
      headers,
      body,
      remoteAddress,
      taskId,
      contentType: headerValue(headers, 'content-type') ?? null,
      source: 'receiver',
    });
  } catch (err) {
    // Not stored means not acknowledged: the sender sees a 5xx and can retry.
    audit(500, `could not store capture: ${(err as Error).message}`, 'error');
    res
      .status(500)
      .json({ error: 'store_failed', message: 'Switchboard could not store this request' });
    return;
  }

  const contentType = headerValue(headers, 'content-type') ?? null;
  const input = { method: req.method, path, headers, body, receivedAt, taskId };
  const announce = (verdict: Verdict) =>
    deps.emit({
      type: 'capture',
      capture: {
        id,
        receivedAt,
        method: req.method,
        path,
        taskId,
        verdict,
        size: body.byteLength,
        contentType,
        source: 'receiver',
      },
    });

  if (deps.settings().responseMode === 'enforce') {
    // Enforce must know the verdict before it answers.
    const { checks, verdict } = await verifyAndSave(deps, id, input);
    const refusal = enforceDecision(headers, checks, verdict);
    let status: number;
    if (refusal) {
      audit(refusal.status, refusal.reason);
      status = await answer(
        deps,
        req,
        res,
        refusal.status,
        JSON.stringify({
          error: refusal.status === 400 ? 'missing_headers' : 'verification_failed',
          message: refusal.reason,
          captureId: id,
        }),
        true,
      );
    } else {
      status = await answer(
        deps,
        req,
        res,
        200,
        JSON.stringify({ status: 'received', taskId, captureId: id }),
      );
    }
    deps.captures.saveResponseStatus(id, status);
    announce(verdict);
    return;
  }
  // Observe mode: the capture is durable, so acknowledge now and verify after answering; the
  // sender's latency does not include verification.
  const status = await answer(
    deps,
    req,
    res,
    200,
    JSON.stringify({ status: 'received', taskId, captureId: id }),
  );
  const { verdict } = await verifyAndSave(deps, id, input, status);
  announce(verdict);
}

/** Sends the answer, unless a response rule overrides it (refusals never are); returns the status sent. */
async function answer(
  deps: ReceiverDeps,
  req: Request,
  res: Response,
  status: number,
  payload: string,
  final = false,
): Promise<number> {
  const rule = final ? null : (deps.responseRule?.(req.method, req.path) ?? null);
  if (rule) {
    if (rule.delayMs > 0) await new Promise((r) => setTimeout(r, rule.delayMs));
    status = rule.status;
    payload = rule.body;
  }
  res.status(status).type('application/json').send(payload);
  return status;
}

function pairs(raw: string[]): HeaderPair[] {
  const out: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}
