// Capture types shared by engine and renderer: captured requests, checks, verdicts, the audit
// log. Captured bytes are never part of these objects; they are fetched on demand.

/** One header exactly as received: raw name (original case) and raw value, in arrival order. */
export type HeaderPair = [name: string, value: string];

export const CHECK_IDS = [
  'hmac-sha256',
  'jwt',
  'timestamp',
  'jti-replay',
  'notification-token',
  'standard-webhooks',
  'github-signature',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
export type CheckStatus = 'pass' | 'fail' | 'skip';

/** Result of one verification rule. `detail` tells the user why, in words they can act on. */
export interface Check {
  id: CheckId;
  status: CheckStatus;
  detail: string;
  /** Extra facts for a failed check, e.g. expected vs received signature and the signed string. */
  diagnosis?: Record<string, string>;
}

export type Verdict = 'valid' | 'invalid' | 'unverified';

export interface CaptureSummary {
  id: number;
  receivedAt: number;
  method: string;
  path: string;
  taskId: string | null;
  verdict: Verdict;
  size: number;
  contentType: string | null;
  /** Where it came from: the live receiver, a replay Switchboard sent to itself, a HAR import. */
  source: CaptureOrigin;
  /** Imports only: when it was imported (receivedAt keeps the original time). */
  importedAt?: number | null;
  /** The receiver response rule that chose the answer; null when none matched (answered 200). */
  answeredBy: RuleAnswer | null;
}

/** A response rule as it stood when it answered: its id, 1-based position and a short label. */
export interface RuleAnswer {
  ruleId: string;
  position: number;
  label: string;
}

/** "500 by rule #2 'fail next 2'", or just "200" when no rule answered. */
export function describeAnswer(status: number, by: RuleAnswer | null | undefined): string {
  return by ? `${status} by rule #${by.position} '${by.label}'` : String(status);
}

export const CAPTURE_ORIGINS = ['receiver', 'replay', 'import'] as const;
export type CaptureOrigin = (typeof CAPTURE_ORIGINS)[number];

export interface CaptureDetail extends CaptureSummary {
  headers: HeaderPair[];
  /** The raw query string without the leading '?', as received. */
  query: string;
  remoteAddress: string;
  checks: Check[];
  /** What the receiver answered (status code). */
  responseStatus: number | null;
}

/** A request the receiver refused (too big, unreadable) or a challenge it answered. */
export interface AuditEntry {
  id: number;
  at: number;
  kind: 'rejected' | 'challenge' | 'error';
  method: string;
  path: string;
  status: number;
  reason: string;
  remoteAddress: string;
}

/** A receiver response rule: answer matching requests with a chosen status, delay and body. */
export interface ResponseRule {
  id: string;
  /** HTTP method to match, or '*' for any. */
  method: string;
  /** Exact path, or a pattern where '*' matches any run of characters, e.g. '/webhook*'. */
  path: string;
  status: number;
  delayMs: number;
  body: string;
  /** Applies to the next N matching requests only (counts down); null = every request. */
  failNext: number | null;
  /** Retry-After header to answer with (delay-seconds or an HTTP date); '' or absent = none. */
  retryAfter?: string;
}
