// Result types of the replay domain: single replays, history, bulk progress, the handler
// report and HAR import.
import type { HeaderPair } from './captures';

export const REPLAY_MODES = ['exact', 'edited', 'resigned', 'attack'] as const;
export type ReplayMode = (typeof REPLAY_MODES)[number];

export const ATTACKS = [
  'stale-timestamp',
  'expired-jwt',
  'reused-jti',
  'tampered-byte',
  'wrong-secret',
  'signature-removed',
  'jwt-other-task',
  'alg-none',
  'duplicate-delivery',
  'out-of-order',
] as const;
export type AttackName = (typeof ATTACKS)[number];

/** One thing a replay changed compared with the captured request. */
export interface ReplayChange {
  /** Header name, or 'body'. */
  field: string;
  kind: 'added' | 'removed' | 'replaced' | 'kept' | 'note';
  before?: string;
  after?: string;
  note?: string;
}

export interface ReplayResult {
  replayId: number;
  captureId: number;
  targetUrl: string;
  mode: ReplayMode;
  attack: AttackName | null;
  /** null when no response arrived (see `error`). */
  status: number | null;
  latencyMs: number;
  responseHeaders: HeaderPair[];
  /** UTF-8 text of the response body, capped (see `responseTruncated`). */
  responseBody: string;
  responseTruncated: boolean;
  sent: { method: string; url: string; headers: HeaderPair[]; size: number; sha256: string };
  changes: ReplayChange[];
  error: string | null;
  createdAt: number;
  /** Other replays sent by the same action (e.g. the first copy of a reused-jti attack). */
  relatedIds: number[];
  /** Attack replays only: what the target's answer means (accepted = VULNERABLE). */
  judgement?: { verdict: ReportVerdict; reason: string; expected: Expectation };
}

export type ReplaySummary = Pick<
  ReplayResult,
  | 'replayId'
  | 'captureId'
  | 'targetUrl'
  | 'mode'
  | 'attack'
  | 'status'
  | 'latencyMs'
  | 'error'
  | 'createdAt'
>;

export type Expectation = 'accept' | 'reject' | 'accept-once';
/** secure: attack refused while the baseline passed; ok: a valid probe accepted; inconclusive: the
 *  answer proves nothing either way (see electron/engine/replay/report-judge.ts). */
export type ReportVerdict =
  | 'secure'
  | 'VULNERABLE'
  | 'ok'
  | 'inconclusive'
  | 'broken'
  | 'skipped'
  | 'error';

export interface HandlerReportRow {
  check: 'valid-resigned' | AttackName;
  description: string;
  expected: Expectation;
  /** Status of every request sent for this row, in order (null = no response). */
  statuses: (number | null)[];
  verdict: ReportVerdict;
  reason: string;
  replayIds: number[];
}

export interface HandlerReport {
  reportId: number;
  targetUrl: string;
  captureId: number;
  createdAt: number;
  rows: HandlerReportRow[];
  /** Attacks the handler accepted. Non-zero means the CLI exits non-zero. */
  vulnerable: number;
  /** True when the valid delivery was rejected: attack rejections then prove little. */
  validRejected: boolean;
  markdown: string;
}

export interface BulkProgress {
  bulkId: string;
  total: number;
  done: number;
  ok: number;
  failed: number;
  state: 'running' | 'finished' | 'cancelled';
  elapsedMs: number;
}

export interface HarImportResult {
  imported: number;
  ids: number[];
  skipped: { index: number; reason: string }[];
}
