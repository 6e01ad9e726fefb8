// Finds a runnable Electron binary for `npm start` and the desktop smoke test. Electron's npm
// package (45+) has no postinstall: it downloads its binary on first use, so `npm install` never
// fails on it. Here that download is tried once, quietly, and any failure becomes one line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** `{ binary, version }` of a runnable Electron, or `{ reason }` saying why there is none. */
export function findElectron({ download = true } = {}) {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed (run npm install)' };
  }
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  let binary = installedBinary(dir);
  if (!binary && download) {
    const fetched = spawnSync(process.execPath, [join(dir, 'install.js')], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    binary = installedBinary(dir);
    if (!binary)
      return { reason: `Electron ${version} could not be downloaded (${firstLine(fetched)})` };
  }
  if (!binary) return { reason: `Electron ${version} is not downloaded yet` };
  const probe = spawnSync(binary, ['--version'], { timeout: 15_000, encoding: 'utf8' });
  if (probe.status !== 0)
    return { reason: `Electron ${version} cannot run on this machine (${firstLine(probe)})` };
  return { binary, version };
}

/** The binary electron's own index.js would return, without triggering its download. */
function installedBinary(dir) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8');
  const root = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const full = join(root, relative);
  return existsSync(full) ? full : null;
}

function firstLine(result) {
  if (result.error) return result.error.message;
  const text = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('Downloading'));
  return line ?? `exit ${result.status}`;
}
