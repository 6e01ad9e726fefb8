// Effective settings: command-line flags and env over saved (data dir, file mode 0600) over defaults. On first run the
// secrets that are neither in env nor saved are generated and saved, so webhooks from the demo
// agents verify out of the box. Secret values are never logged. The desktop app, browser mode
// and every CLI command read this one file, so they always share the same secrets.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, renameSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataDir } from './data-dir';
import type { SecretSettingKey, Settings, SettingSource, SettingsView } from '../../shared/model';
import { DEFAULT_SETTINGS, ENV_KEYS, SECRET_SETTING_KEYS } from '../../shared/model';
import type { SettingsSource } from './context';

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
  /** Values given on the command line for this run (e.g. --receiver-port), keyed to the flag. */
  flags?: { [K in keyof Settings]?: { value: Settings[K]; flag: string } };
}): SettingsStore {
  const env = opts.env ?? process.env;
  const file = join(ensureDataDir(opts.dataDir), 'settings.json');
  const listeners = new Set<(s: Settings) => void>();
  let saved = readSaved(file);
  const generated = new Set<keyof Settings>();

  for (const key of SECRET_SETTING_KEYS) {
    const envName = ENV_KEYS[key];
    if ((envName && env[envName]) || saved[key]) continue;
    saved = { ...saved, [key]: generateSecret(key) };
    generated.add(key);
  }
  if (generated.size > 0) writeSaved(file, saved);

  const compute = (): SettingsView => {
    const settings = { ...DEFAULT_SETTINGS } as Record<keyof Settings, unknown>;
    const sources: Partial<Record<keyof Settings, SettingSource>> = {};
    const origins: Partial<Record<keyof Settings, string>> = {};
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const envName = ENV_KEYS[key];
      const flag = opts.flags?.[key];
      if (flag) {
        settings[key] = flag.value;
        sources[key] = 'flag';
        origins[key] = flag.flag;
      } else if (envName && env[envName]) {
        settings[key] = env[envName];
        sources[key] = 'env';
        origins[key] = envName;
      } else if (saved[key] !== undefined) {
        settings[key] = saved[key];
        sources[key] = generated.has(key) ? 'generated' : 'saved';
      } else {
        sources[key] = 'default';
      }
    }
    return { settings: settings as Settings, sources, origins };
  };
  let current = compute();

  const commit = (next: Partial<Settings>): SettingsView => {
    saved = next;
    writeSaved(file, saved);
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

function readSaved(file: string): Partial<Settings> {
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>;
  } catch (err) {
    throw new Error(
      `Cannot read settings file ${file}: ${(err as Error).message}. Fix or delete it.`,
    );
  }
}

function writeSaved(file: string, saved: Partial<Settings>): void {
  // Why 0600 (in a 0700 dir) and write-then-rename: the file holds secrets, and a crash
  // mid-write must not leave a truncated settings file behind. Why not the OS keychain
  // (Electron safeStorage): the CLI and browser mode are plain Node and could not read them.
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(saved, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
