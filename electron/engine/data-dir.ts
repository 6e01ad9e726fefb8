// The one data dir (database, settings, secrets) shared by the desktop app, browser mode and
// every CLI command: the same default path per OS, created 0700 on first use.
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env['SWITCHBOARD_DATA_DIR']) return env['SWITCHBOARD_DATA_DIR'];
  if (platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Switchboard');
  if (platform === 'win32')
    return join(env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming'), 'Switchboard');
  return join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'switchboard');
}

/** Creates `dir` (and its parents) when missing; why 0700: it holds secrets and captured
 *  tokens. Returns the absolute path. */
export function ensureDataDir(dir: string): string {
  const path = resolve(dir);
  mkdirSync(path, { recursive: true, mode: 0o700 });
  return path;
}
