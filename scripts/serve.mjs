// npm run serve: builds the renderer when its build is missing and the CLI bundle (half a second,
// so it is never stale), then runs browser mode from that bundle (as the package's `switchboard`
// bin does: no tsx at run time), forwarding signals so stopping npm stops the server. Works right
// after `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { viteBuild } from './bin-path.mjs';
import { buildCli } from './build-cli.mjs';
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();

const args = process.argv.slice(2);
if (!existsSync('dist/renderer/index.html') && existsSync('vite.config.ts')) {
  console.log('Building the UI (first run)...');
  const build = spawnSync(...viteBuild(), { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const cli = await buildCli();
const child = spawn(process.execPath, [cli, 'serve', ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
