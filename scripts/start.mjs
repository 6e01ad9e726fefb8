// npm start: the desktop app where an Electron binary can run; otherwise browser mode (same UI,
// same engine, served on 127.0.0.1) with one line saying why. Builds what is missing or stale.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/** Path of a runnable Electron binary, or the reason there is none. */
function findElectron() {
  let binary;
  try {
    binary = require('electron'); // the npm package exports the binary's path
  } catch {
    // electron/index.js throws when its postinstall did not download the binary.
    return {
      reason:
        'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD, or its download failed)',
    };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) {
    return { reason: 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)' };
  }
  const probe = spawnSync(binary, ['--version'], { timeout: 15_000, encoding: 'utf8' });
  if (probe.status !== 0) {
    const why =
      (probe.error?.message ?? probe.stderr ?? '').trim().split('\n')[0] || `exit ${probe.status}`;
    return { reason: `Electron binary cannot run here (${why})` };
  }
  return { binary };
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((dir) => existsSync(dir) && newestMtime(dir) > built);
}

function run(cmd, cmdArgs) {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function buildRenderer() {
  if (stale('dist/renderer/index.html', ['renderer', 'shared'])) {
    console.log('Building the UI...');
    run('npx', ['vite', 'build', '--logLevel', 'warn']);
  }
}

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = findElectron();
buildRenderer();
if (electron.binary) {
  if (stale('dist-electron/main.cjs', ['electron', 'shared']))
    run(process.execPath, ['scripts/build-electron.mjs']);
  forward(spawn(electron.binary, ['.', ...args], { stdio: 'inherit' }));
} else {
  console.log(`${electron.reason}: starting browser mode instead (same UI in your browser).`);
  forward(spawn(process.execPath, ['scripts/serve.mjs', ...args], { stdio: 'inherit' }));
}
