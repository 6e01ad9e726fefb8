// THE settings schema: every setting once, with its default, limits, environment variable,
// label, help text, form group and whether it is a secret. `Settings`, the update patch, the
// defaults, the env names, the secret-key list and the settings form are all derived from here.
import { z } from 'zod';

const MiB = 1024 * 1024;

export const SETTING_GROUPS = [
  'Signatures and tokens',
  'JWT',
  'Receiver',
  'Limits on what agents send',
  'Retention',
] as const;
export type SettingGroup = (typeof SETTING_GROUPS)[number];

export type SettingKind = 'secret' | 'text' | 'number' | 'mode' | 'boolean';

interface FieldBase<S extends z.ZodType> {
  schema: S;
  default: z.output<S>;
  kind: SettingKind;
  group: SettingGroup;
  label: string;
  help: string;
  /** Environment variable that overrides it (same names the demo agents read). */
  env?: string;
  min?: number;
  max?: number;
}

type Text = Omit<FieldBase<z.ZodType<string>>, 'schema' | 'default' | 'kind'>;
type Num = Omit<FieldBase<z.ZodNumber>, 'schema' | 'kind' | 'min' | 'max'>;

const secret = (f: Text & { env: string }) =>
  ({ ...f, kind: 'secret', default: '', schema: z.string().max(4096) }) as const;
const text = (f: Text, schema: z.ZodType<string> = z.string().max(1024)) =>
  ({ ...f, kind: 'text', default: '', schema }) as const;
const int = (min: number, max: number, f: Num) =>
  ({ ...f, kind: 'number', min, max, schema: z.number().int().min(min).max(max) }) as const;

/** In form order within each group. */
export const SETTING_FIELDS = {
  webhookSecret: secret({
    group: 'Signatures and tokens',
    label: 'HMAC secret',
    help: 'Checks X-A2A-Signature: sha256=<hex> over the raw body.',
    env: 'SWITCHBOARD_WEBHOOK_SECRET',
  }),
  notificationToken: secret({
    group: 'Signatures and tokens',
    label: 'Notification token',
    help: 'Expected in X-A2A-Notification-Token or Authorization.',
    env: 'SWITCHBOARD_NOTIFICATION_TOKEN',
  }),
  standardWebhooksSecret: secret({
    group: 'Signatures and tokens',
    label: 'Standard Webhooks secret',
    help: 'whsec_… secret for webhook-signature headers.',
    env: 'SWITCHBOARD_STANDARD_WEBHOOKS_SECRET',
  }),
  jwtSecret: secret({
    group: 'JWT',
    label: 'JWT secret (HS256)',
    help: 'Shared secret for HS256 tokens.',
    env: 'SWITCHBOARD_JWT_SECRET',
  }),
  jwksUrl: text(
    {
      group: 'JWT',
      label: 'JWKS URL',
      help: 'For RS256/ES256 tokens, keys looked up by kid. Empty to disable.',
      env: 'SWITCHBOARD_JWT_JWKS_URL',
    },
    z.union([z.literal(''), z.url()]),
  ),
  jwtIssuer: text({
    group: 'JWT',
    label: 'Issuer (iss)',
    help: 'Required issuer; empty accepts any.',
    env: 'SWITCHBOARD_JWT_ISSUER',
  }),
  jwtAudience: text({
    group: 'JWT',
    label: 'Audience (aud)',
    help: 'Required audience; empty accepts any.',
    env: 'SWITCHBOARD_JWT_AUDIENCE',
  }),
  clockToleranceSec: int(0, 3600, {
    group: 'JWT',
    label: 'Clock tolerance (s)',
    help: 'Slack for exp / iat / nbf.',
    default: 30,
  }),
  timestampWindowSec: int(1, 7 * 24 * 3600, {
    group: 'Receiver',
    label: 'Timestamp window (s)',
    help: 'Maximum age of X-A2A-Timestamp / webhook-timestamp.',
    default: 300,
  }),
  receiverPort: int(0, 65535, {
    group: 'Receiver',
    label: 'Receiver port',
    help: 'Port the receiver listens on (0 picks a free one).',
    default: 9000,
  }),
  responseMode: {
    group: 'Receiver',
    label: 'Response mode',
    help: 'Observe answers 200 to everything; enforce answers 400/401 like a strict receiver.',
    kind: 'mode',
    default: 'observe',
    schema: z.enum(['observe', 'enforce']),
  },
  bodyLimitBytes: int(1024, 512 * MiB, {
    group: 'Receiver',
    label: 'Body limit (bytes)',
    help: 'Larger requests get 413 and are recorded in the audit log.',
    default: 10 * MiB,
  }),
  sseFrameLimitBytes: int(1024, 1024 * MiB, {
    group: 'Limits on what agents send',
    label: 'SSE frame limit (bytes)',
    help: 'A bigger event ends the stream with an error; what arrived is kept.',
    default: 8 * MiB,
  }),
  sseStreamLimitBytes: int(1024, 64 * 1024 * MiB, {
    group: 'Limits on what agents send',
    label: 'SSE stream limit (bytes)',
    help: 'Budget of one stream; past it the stream is closed.',
    default: 256 * MiB,
  }),
  cardLimitBytes: int(1024, 256 * MiB, {
    group: 'Limits on what agents send',
    label: 'Agent card limit (bytes)',
    help: 'Larger cards are refused; the start of the answer is in the wire log.',
    default: MiB,
  }),
  rpcAnswerLimitBytes: int(1024, 1024 * MiB, {
    group: 'Limits on what agents send',
    label: 'RPC answer limit (bytes)',
    help: 'Larger JSON-RPC answers are cut at the limit and refused.',
    default: 16 * MiB,
  }),
  retentionMaxBytes: int(0, 1024 * 1024 * MiB, {
    group: 'Retention',
    label: 'Maximum data size (bytes)',
    help: 'Oldest wire log, stream frames, replays and logs are deleted past it. 0 = no limit.',
    default: 1024 * MiB,
  }),
  retentionMaxAgeDays: int(0, 36500, {
    group: 'Retention',
    label: 'Maximum age (days)',
    help: 'Older wire log, stream frames, replays and logs are deleted. 0 = keep forever.',
    default: 30,
  }),
  retentionIncludeCaptures: {
    group: 'Retention',
    label: 'Apply to captures too',
    help: 'Off: captured webhooks are kept whatever their age or size.',
    kind: 'boolean',
    default: false,
    schema: z.boolean(),
  },
} as const satisfies { [key: string]: FieldBase<z.ZodType> };

type Fields = typeof SETTING_FIELDS;
export type SettingKey = keyof Fields;
export type SettingField = Fields[SettingKey];
export const SETTING_KEYS = Object.keys(SETTING_FIELDS) as SettingKey[];

const pick = <T>(f: (field: SettingField, key: SettingKey) => T) =>
  Object.fromEntries(SETTING_KEYS.map((k) => [k, f(SETTING_FIELDS[k], k)]));

/** Validates a whole settings object (and, `.partial()`, an update patch). */
export const settingsSchema = z.object(
  pick((f) => f.schema) as { [K in SettingKey]: Fields[K]['schema'] },
);

/** Everything verification and the receiver depend on. Secrets are plain strings here. */
export type Settings = z.output<typeof settingsSchema>;

export const settingsPatch = settingsSchema.partial();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const DEFAULT_SETTINGS = pick((f) => f.default) as Settings;

/** Environment variables that configure verification. */
export const ENV_KEYS = Object.fromEntries(
  SETTING_KEYS.flatMap((k) => {
    const field: FieldBase<z.ZodType> = SETTING_FIELDS[k];
    return field.env ? [[k, field.env]] : [];
  }),
) as Partial<Record<SettingKey, string>>;

export type SecretSettingKey = {
  [K in SettingKey]: Fields[K]['kind'] extends 'secret' ? K : never;
}[SettingKey];

export const SECRET_SETTING_KEYS = SETTING_KEYS.filter(
  (k): k is SecretSettingKey => SETTING_FIELDS[k].kind === 'secret',
);
/** Arguments naming one secret (reveal, regenerate). */
export const secretKeySchema = z.enum(
  SECRET_SETTING_KEYS as [SecretSettingKey, ...SecretSettingKey[]],
);

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
