// Where Switchboard keeps its database and settings when no --data-dir is given.
import { homedir } from 'node:os';
import { join } from 'node:path';

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
