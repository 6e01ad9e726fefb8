// npm run serve: builds the renderer when its build is missing, then runs browser mode through
// tsx, forwarding signals so stopping npm stops the server. Works right after `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { viteBuild } from './bin-path.mjs';
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();

const args = process.argv.slice(2);
if (!existsSync('dist/renderer/index.html') && existsSync('vite.config.ts')) {
  console.log('Building the UI (first run)...');
  const build = spawnSync(...viteBuild(), { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const child = spawn(
  process.execPath,
  ['--import', 'tsx', 'electron/cli/index.ts', 'serve', ...args],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
