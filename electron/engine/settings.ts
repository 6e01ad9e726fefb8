// Effective settings: env over saved (data dir, file mode 0600) over defaults. On first run the
// secrets that are neither in env nor saved are generated and saved, so webhooks from the demo
// agents verify out of the box. Secret values are never logged.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, renameSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretSettingKey, Settings, SettingSource, SettingsView } from '../../shared/model';
import { SECRET_SETTING_KEYS } from '../../shared/model';
import type { SettingsSource } from './context';

export const DEFAULT_SETTINGS: Settings = {
  webhookSecret: '',
  jwtSecret: '',
  jwksUrl: '',
  jwtIssuer: '',
  jwtAudience: '',
  notificationToken: '',
  standardWebhooksSecret: '',
  timestampWindowSec: 300,
  clockToleranceSec: 30,
  receiverPort: 9000,
  responseMode: 'observe',
  bodyLimitBytes: 10 * 1024 * 1024,
  sseFrameLimitBytes: 8 * 1024 * 1024,
  sseStreamLimitBytes: 256 * 1024 * 1024,
  cardLimitBytes: 1024 * 1024,
  rpcAnswerLimitBytes: 16 * 1024 * 1024,
  retentionMaxBytes: 1024 * 1024 * 1024,
  retentionMaxAgeDays: 30,
  retentionIncludeCaptures: false,
};

/** Environment variables that configure verification (same names the demo agents read). */
export const ENV_KEYS: Partial<Record<keyof Settings, string>> = {
  webhookSecret: 'SWITCHBOARD_WEBHOOK_SECRET',
  jwtSecret: 'SWITCHBOARD_JWT_SECRET',
  jwksUrl: 'SWITCHBOARD_JWT_JWKS_URL',
  jwtIssuer: 'SWITCHBOARD_JWT_ISSUER',
  jwtAudience: 'SWITCHBOARD_JWT_AUDIENCE',
  notificationToken: 'SWITCHBOARD_NOTIFICATION_TOKEN',
  standardWebhooksSecret: 'SWITCHBOARD_STANDARD_WEBHOOKS_SECRET',
};

/** Optional at-rest encoding of secrets (the desktop shell passes Electron safeStorage). */
export interface SecretCodec {
  encode(plain: string): string;
  decode(stored: string): string;
}

export function generateSecret(key: SecretSettingKey): string {
  // 32 random bytes: far beyond brute force for HMAC-SHA256 and HS256 keys.
  if (key === 'standardWebhooksSecret') return 'whsec_' + randomBytes(32).toString('base64');
  return randomBytes(32).toString('base64url');
}

export interface SettingsStore extends SettingsSource {
  view(): SettingsView;
  update(patch: Partial<Settings>): SettingsView;
  regenerate(key: SecretSettingKey): SettingsView;
}

export function createSettingsStore(opts: {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  overrides?: Partial<Settings>;
  codec?: SecretCodec;
}): SettingsStore {
  const env = opts.env ?? process.env;
  const file = join(opts.dataDir, 'settings.json');
  const listeners = new Set<(s: Settings) => void>();
  let saved = readSaved(file, opts.codec);
  const generated = new Set<keyof Settings>();

  for (const key of SECRET_SETTING_KEYS) {
    const envName = ENV_KEYS[key];
    if ((envName && env[envName]) || saved[key]) continue;
    saved = { ...saved, [key]: generateSecret(key) };
    generated.add(key);
  }
  if (generated.size > 0) writeSaved(file, saved, opts.codec);

  const compute = (): SettingsView => {
    const settings = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
    const sources: Partial<Record<keyof Settings, SettingSource>> = {};
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const envName = ENV_KEYS[key];
      if (envName && env[envName]) {
        settings[key] = env[envName];
        sources[key] = 'env';
      } else if (opts.overrides?.[key] !== undefined) {
        settings[key] = opts.overrides[key];
        sources[key] = 'env';
      } else if (saved[key] !== undefined) {
        settings[key] = saved[key];
        sources[key] = generated.has(key) ? 'generated' : 'saved';
      } else {
        sources[key] = 'default';
      }
    }
    return { settings: settings as Settings, sources };
  };
  let current = compute();

  const commit = (next: Partial<Settings>): SettingsView => {
    saved = next;
    writeSaved(file, saved, opts.codec);
    current = compute();
    for (const l of listeners) l(current.settings);
    return current;
  };

  return {
    get: () => current.settings,
    view: () => current,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(patch) {
      for (const key of Object.keys(patch) as (keyof Settings)[]) generated.delete(key);
      return commit({ ...saved, ...patch });
    },
    regenerate(key) {
      generated.delete(key);
      return commit({ ...saved, [key]: generateSecret(key) });
    },
  };
}

function readSaved(file: string, codec?: SecretCodec): Partial<Settings> {
  if (!existsSync(file)) return {};
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const out: Record<string, unknown> = { ...raw };
    for (const key of SECRET_SETTING_KEYS) {
      if (typeof raw[key] === 'string' && codec) out[key] = codec.decode(raw[key]);
    }
    return out as Partial<Settings>;
  } catch (err) {
    throw new Error(
      `Cannot read settings file ${file}: ${(err as Error).message}. Fix or delete it.`,
    );
  }
}

function writeSaved(file: string, saved: Partial<Settings>, codec?: SecretCodec): void {
  const out: Record<string, unknown> = { ...saved };
  for (const key of SECRET_SETTING_KEYS) {
    const v = saved[key];
    if (typeof v === 'string' && codec) out[key] = codec.encode(v);
  }
  // Why 0600 and write-then-rename: the file holds secrets, and a crash mid-write must not
  // leave a truncated settings file behind.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(out, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
