// Response mode "enforce": answer like the tutorial's strict receiver. The capture is stored
// either way; enforce only changes what the sender is told.
import type { Check, HeaderPair, Verdict } from '../../../../shared/model';
import { headerValue } from '../../../../shared/verify/index';

const AUTH_HEADERS = [
  'X-A2A-Signature',
  'Authorization',
  'X-A2A-Notification-Token',
  'webhook-signature',
  'X-Hub-Signature-256',
];

export interface Refusal {
  status: 400 | 401;
  reason: string;
}

export function enforceDecision(
  headers: HeaderPair[],
  checks: Check[],
  verdict: Verdict,
): Refusal | null {
  // The tutorial's receiver requires its three headers together once a signature is present.
  if (headerValue(headers, 'X-A2A-Signature') !== undefined) {
    const missing = ['X-A2A-Timestamp', 'X-A2A-Task-ID'].filter(
      (h) => headerValue(headers, h) === undefined,
    );
    if (missing.length > 0)
      return { status: 400, reason: `Missing required headers: ${missing.join(', ')}` };
  }
  if (!AUTH_HEADERS.some((h) => headerValue(headers, h) !== undefined)) {
    return { status: 400, reason: `Missing required headers: one of ${AUTH_HEADERS.join(', ')}` };
  }
  if (verdict === 'invalid') {
    const failed = checks.filter((c) => c.status === 'fail');
    return { status: 401, reason: failed.map((c) => `${c.id}: ${c.detail}`).join('; ') };
  }
  return null;
}
