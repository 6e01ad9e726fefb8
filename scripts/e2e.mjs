// npm run test:e2e: builds the UI and the Electron bundles (the desktop spec runs them), then
// runs Playwright. Headless needs no display; a headed run (HEADED=1) without one is wrapped in
// xvfb-run when it is installed.
import { spawnSync } from 'node:child_process';
import { binPath, viteBuild } from './bin-path.mjs';
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();

const extra = process.argv.slice(2);
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

for (const [cmd, args] of [viteBuild(), [process.execPath, ['scripts/build-electron.mjs']]]) {
  const build = spawnSync(cmd, args, { stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const headed = process.env.HEADED === '1';
const pw = [binPath('@playwright/test', 'playwright'), 'test', ...(headed ? ['--headed'] : [])];
const needsXvfb = headed && !process.env.DISPLAY && spawnSync('xvfb-run', ['--help']).status === 0;
const [cmd, args] = needsXvfb
  ? ['xvfb-run', ['-a', process.execPath, ...pw, ...extra]]
  : [process.execPath, [...pw, ...extra]];
const r = spawnSync(cmd, args, { stdio: 'inherit', env });
process.exit(r.status ?? 1);
