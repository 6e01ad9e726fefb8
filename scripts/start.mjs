// npm start: the desktop app where an Electron binary can run (downloaded on first start);
// otherwise browser mode (same UI, same engine, served on 127.0.0.1) with one line saying why.
// `npm start -- --browser` asks for browser mode. Builds what is missing or stale.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { viteBuild } from './bin-path.mjs';
import { findElectron } from './electron-binary.mjs';
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();

const argv = process.argv.slice(2);
const browserAsked = argv.includes('--browser');
const args = argv.filter((a) => a !== '--browser');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = `${dir}/${entry.name}`;
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

function forward(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = browserAsked ? { reason: 'browser mode asked for (--browser)' } : findElectron();
if (stale('dist/renderer/index.html', ['renderer', 'shared'])) {
  console.log('Building the UI...');
  run(...viteBuild());
}
if (electron.binary) {
  if (stale('dist-electron/main.cjs', ['electron', 'shared']))
    run(process.execPath, ['scripts/build-electron.mjs']);
  forward(spawn(electron.binary, ['.', ...args], { stdio: 'inherit' }));
} else {
  console.log(`${electron.reason}: starting browser mode instead (same UI in your browser).`);
  forward(spawn(process.execPath, ['scripts/serve.mjs', ...args], { stdio: 'inherit' }));
}
