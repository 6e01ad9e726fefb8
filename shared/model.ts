// Data model shared by engine and renderer: captures, checks, verdicts, settings.
// Pure types only. Captured bytes are never part of these objects; they are fetched on demand.

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

export type ResponseMode = 'observe' | 'enforce';

/** Everything verification and the receiver depend on. Secrets are plain strings here. */
export interface Settings {
  webhookSecret: string;
  jwtSecret: string;
  jwksUrl: string;
  jwtIssuer: string;
  jwtAudience: string;
  notificationToken: string;
  standardWebhooksSecret: string;
  timestampWindowSec: number;
  clockToleranceSec: number;
  receiverPort: number;
  responseMode: ResponseMode;
  bodyLimitBytes: number;
  /** Caps on what is read from an agent: one SSE frame, one SSE stream, a card, an RPC answer. */
  sseFrameLimitBytes: number;
  sseStreamLimitBytes: number;
  cardLimitBytes: number;
  rpcAnswerLimitBytes: number;
  /** Retention of the wire log, stream frames and replays (0 = no limit). */
  retentionMaxBytes: number;
  retentionMaxAgeDays: number;
  /** Captures are kept unless this is true; then they follow the same limits. */
  retentionIncludeCaptures: boolean;
}

export const SECRET_SETTING_KEYS = [
  'webhookSecret',
  'jwtSecret',
  'notificationToken',
  'standardWebhooksSecret',
] as const satisfies readonly (keyof Settings)[];
export type SecretSettingKey = (typeof SECRET_SETTING_KEYS)[number];

/** What a set secret reads as in every settings view the API returns; `revealSecret` gives the
 *  value. A patch carrying this placeholder leaves the secret unchanged. */
export const MASKED_SECRET = '••••••••';

export function maskSettingsView(view: SettingsView): SettingsView {
  const settings = { ...view.settings };
  for (const key of SECRET_SETTING_KEYS) if (settings[key]) settings[key] = MASKED_SECRET;
  return { ...view, settings };
}

/** Where a setting's value comes from: a command-line flag or env wins over saved, saved over
 *  default. Flag- and env-set values are read-only until the flag or variable is removed. */
export type SettingSource = 'flag' | 'env' | 'saved' | 'default' | 'generated';

export interface SettingsView {
  settings: Settings;
  sources: Partial<Record<keyof Settings, SettingSource>>;
  /** For flag/env sources: the flag or variable name (`--receiver-port`, `SWITCHBOARD_…`). */
  origins?: Partial<Record<keyof Settings, string>>;
}

export interface ReceiverInfo {
  url: string;
  port: number;
  listening: boolean;
  error: string | null;
}

/** The store's size and the last retention run (Settings shows it). */
export interface StoreInfo {
  /** Bytes of the database file. */
  fileBytes: number;
  /** Bytes in use by data: what the retention size limit measures. */
  dataBytes: number;
  lastRetention: {
    at: number;
    deleted: { exchanges: number; replays: number; captures: number };
  } | null;
}

export interface Health {
  ok: true;
  version: string;
  receiver: ReceiverInfo;
  captures: number;
  dataDir: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
