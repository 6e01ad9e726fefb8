// Owner-only permissions for the data dir (0700) and the files that hold secrets and captured
// tokens: the database, its WAL and SHM, settings (0600). Why: captured JWTs and agents'
// custom headers are stored in plain text. Tightened at every start, so a dir created by an
// older version or another tool is fixed too; what cannot be tightened is reported, not fatal.
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDataDir } from '../data-dir';

export const DB_FILE = 'switchboard.db';
const PRIVATE_FILES = [DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, 'settings.json'];

/** Creates the data dir (0700) and an empty database file (0600) when missing, so SQLite's
 *  WAL and SHM (created with the database file's mode) start private; returns warnings. */
export function prepareDataDir(dataDir: string): string[] {
  ensureDataDir(dataDir);
  const db = join(dataDir, DB_FILE);
  if (!existsSync(db)) closeSync(openSync(db, 'a', 0o600));
  return tightenDataDir(dataDir);
}

export function tightenDataDir(dataDir: string): string[] {
  const warnings: string[] = [];
  const tighten = (path: string, mode: number) => {
    try {
      if (!existsSync(path) || (statSync(path).mode & 0o777) === mode) return;
      chmodSync(path, mode);
    } catch (err) {
      warnings.push(
        `Could not restrict ${path} to mode ${mode.toString(8)} (${(err as Error).message}); it holds secrets and captured tokens, so restrict it yourself.`,
      );
    }
  };
  if (process.platform === 'win32') return warnings; // ACLs, not modes, on Windows
  tighten(dataDir, 0o700);
  for (const f of PRIVATE_FILES) tighten(join(dataDir, f), 0o600);
  return warnings;
}
