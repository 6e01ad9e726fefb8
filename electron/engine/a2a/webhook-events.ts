// The webhook lane of a task's timeline: each capture with the task's id as a timeline event
// (state and text from its body, verdict, the receiver's answer, the sender's attempt number),
// and the findings of the webhooks against the task's stream states (lint-webhooks.ts). Read
// through the captures repo; the stream states come from one grouped query of the frames.
import { lintWebhooks, type StreamStatePoint } from '../../../shared/a2a/lint-webhooks';
import { normalizeWebhook } from '../../../shared/a2a/normalize';
import type { Finding, TimelineEvent } from '../../../shared/a2a/types';
import { DELIVERY_ATTEMPT_HEADER } from '../../../shared/api/demo';
import type { HeaderPair } from '../../../shared/model';
import { headerValue } from '../../../shared/verify/headers';
import { parseAnswer, type WebhookRow } from '../store/captures-repo';

/** The demo agents' attempt number header, when the sender set one. */
function attemptOf(headersJson: string): number | undefined {
  try {
    const v = headerValue(JSON.parse(headersJson) as HeaderPair[], DELIVERY_ATTEMPT_HEADER);
    const n = v === undefined ? NaN : Number(v);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function webhookEvent(r: WebhookRow): TimelineEvent {
  let body: unknown = null;
  try {
    body = JSON.parse(r.body.toString('utf8'));
  } catch {
    // Not JSON: still on the timeline, with no state.
  }
  const n = normalizeWebhook(body);
  const e: TimelineEvent = {
    source: 'webhook',
    at: r.receivedAt,
    kind: 'webhook',
    captureId: r.id,
    verdict: r.verdict,
  };
  if (n.state) e.state = n.state;
  if (n.text) e.text = n.text;
  if (r.responseStatus !== null) e.responseStatus = r.responseStatus;
  const by = parseAnswer(r.answeredBy);
  if (by) e.answeredBy = by;
  const attempt = attemptOf(r.headers);
  if (attempt !== undefined) e.attempt = attempt;
  return e;
}

/** Findings of webhook events against the stream states (frame order), attached to each
 *  event (replacing what it had); returns them. */
export function lintWebhookEvents(
  points: StreamStatePoint[],
  webhooks: TimelineEvent[],
): Finding[] {
  const findings = lintWebhooks(
    points,
    webhooks.map((w) => ({ captureId: w.captureId ?? 0, state: w.state })),
  );
  const byCapture = new Map<number, Finding[]>();
  for (const f of findings) {
    const list = byCapture.get(f.captureId ?? 0) ?? [];
    list.push(f);
    byCapture.set(f.captureId ?? 0, list);
  }
  for (const w of webhooks) {
    const own = byCapture.get(w.captureId ?? 0);
    if (own) w.findings = own;
    else delete w.findings;
  }
  return findings;
}
