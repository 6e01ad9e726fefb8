// Pure logic of the settings form: which fields exist, how they're edited, and the patch that
// turns the saved settings into the draft. Numbers are edited as strings and validated here.
import type { SettingsPatch } from '../../../shared/api/captures';
import type { SecretSettingKey, Settings } from '../../../shared/model';

export type Draft = Record<keyof Settings, string>;

export interface FieldDef {
  key: keyof Settings;
  label: string;
  help: string;
  kind: 'secret' | 'text' | 'number' | 'mode' | 'boolean';
  min?: number;
  max?: number;
}

export const FIELD_GROUPS: { title: string; fields: FieldDef[] }[] = [
  {
    title: 'Signatures and tokens',
    fields: [
      {
        key: 'webhookSecret',
        label: 'HMAC secret',
        help: 'Checks X-A2A-Signature: sha256=<hex> over the raw body.',
        kind: 'secret',
      },
      {
        key: 'notificationToken',
        label: 'Notification token',
        help: 'Expected in X-A2A-Notification-Token or Authorization.',
        kind: 'secret',
      },
      {
        key: 'standardWebhooksSecret',
        label: 'Standard Webhooks secret',
        help: 'whsec_… secret for webhook-signature headers.',
        kind: 'secret',
      },
    ],
  },
  {
    title: 'JWT',
    fields: [
      {
        key: 'jwtSecret',
        label: 'JWT secret (HS256)',
        help: 'Shared secret for HS256 tokens.',
        kind: 'secret',
      },
      {
        key: 'jwksUrl',
        label: 'JWKS URL',
        help: 'For RS256/ES256 tokens, keys looked up by kid. Empty to disable.',
        kind: 'text',
      },
      {
        key: 'jwtIssuer',
        label: 'Issuer (iss)',
        help: 'Required issuer; empty accepts any.',
        kind: 'text',
      },
      {
        key: 'jwtAudience',
        label: 'Audience (aud)',
        help: 'Required audience; empty accepts any.',
        kind: 'text',
      },
      {
        key: 'clockToleranceSec',
        label: 'Clock tolerance (s)',
        help: 'Slack for exp / iat / nbf.',
        kind: 'number',
        min: 0,
        max: 3600,
      },
    ],
  },
  {
    title: 'Receiver',
    fields: [
      {
        key: 'timestampWindowSec',
        label: 'Timestamp window (s)',
        help: 'Maximum age of X-A2A-Timestamp / webhook-timestamp.',
        kind: 'number',
        min: 1,
        max: 604800,
      },
      {
        key: 'receiverPort',
        label: 'Receiver port',
        help: 'Port the receiver listens on (0 picks a free one).',
        kind: 'number',
        min: 0,
        max: 65535,
      },
      {
        key: 'responseMode',
        label: 'Response mode',
        help: 'Observe answers 200 to everything; enforce answers 400/401 like a strict receiver.',
        kind: 'mode',
      },
      {
        key: 'bodyLimitBytes',
        label: 'Body limit (bytes)',
        help: 'Larger requests get 413 and are recorded in the audit log.',
        kind: 'number',
        min: 1024,
        max: 536870912,
      },
    ],
  },
  {
    title: 'Limits on what agents send',
    fields: [
      {
        key: 'sseFrameLimitBytes',
        label: 'SSE frame limit (bytes)',
        help: 'A bigger event ends the stream with an error; what arrived is kept.',
        kind: 'number',
        min: 1024,
        max: 1073741824,
      },
      {
        key: 'sseStreamLimitBytes',
        label: 'SSE stream limit (bytes)',
        help: 'Budget of one stream; past it the stream is closed.',
        kind: 'number',
        min: 1024,
        max: 68719476736,
      },
      {
        key: 'cardLimitBytes',
        label: 'Agent card limit (bytes)',
        help: 'Larger cards are refused; the start of the answer is in the wire log.',
        kind: 'number',
        min: 1024,
        max: 268435456,
      },
      {
        key: 'rpcAnswerLimitBytes',
        label: 'RPC answer limit (bytes)',
        help: 'Larger JSON-RPC answers are cut at the limit and refused.',
        kind: 'number',
        min: 1024,
        max: 1073741824,
      },
    ],
  },
  {
    title: 'Retention',
    fields: [
      {
        key: 'retentionMaxBytes',
        label: 'Maximum data size (bytes)',
        help: 'Oldest wire log, stream frames and replays are deleted past it. 0 = no limit.',
        kind: 'number',
        min: 0,
        max: 1099511627776,
      },
      {
        key: 'retentionMaxAgeDays',
        label: 'Maximum age (days)',
        help: 'Older wire log, stream frames and replays are deleted. 0 = keep forever.',
        kind: 'number',
        min: 0,
        max: 36500,
      },
      {
        key: 'retentionIncludeCaptures',
        label: 'Apply to captures too',
        help: 'Off: captured webhooks are kept whatever their age or size.',
        kind: 'boolean',
      },
    ],
  },
];

export const SECRET_KEYS: readonly SecretSettingKey[] = [
  'webhookSecret',
  'jwtSecret',
  'notificationToken',
  'standardWebhooksSecret',
];

export function toDraft(s: Settings): Draft {
  const out = {} as Draft;
  for (const key of Object.keys(s) as (keyof Settings)[]) out[key] = String(s[key]);
  return out;
}

const NUMBER_FIELDS = FIELD_GROUPS.flatMap((g) => g.fields).filter((f) => f.kind === 'number');

/** Validation messages per field (empty object when the draft is valid). */
export function validateDraft(d: Draft): Partial<Record<keyof Settings, string>> {
  const errors: Partial<Record<keyof Settings, string>> = {};
  for (const f of NUMBER_FIELDS) {
    const raw = d[f.key].trim();
    const n = Number(raw);
    if (raw === '' || !Number.isInteger(n)) errors[f.key] = 'Enter a whole number';
    else if ((f.min !== undefined && n < f.min) || (f.max !== undefined && n > f.max)) {
      errors[f.key] = `Between ${f.min ?? '…'} and ${f.max ?? '…'}`;
    }
  }
  const url = d.jwksUrl.trim();
  if (url && !/^https?:\/\/\S+$/i.test(url)) errors.jwksUrl = 'An http(s) URL, or empty';
  return errors;
}

/** The fields that differ from the saved settings, typed for updateSettings. */
export function diffDraft(saved: Settings, d: Draft): SettingsPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(saved) as (keyof Settings)[]) {
    const before = saved[key];
    const value =
      typeof before === 'number'
        ? Number(d[key].trim())
        : typeof before === 'boolean'
          ? d[key] === 'true'
          : key === 'jwksUrl'
            ? d[key].trim()
            : d[key];
    if (value !== before) patch[key] = value;
  }
  return patch as SettingsPatch;
}
