// npm run test:e2e: builds the UI, then runs Playwright. Headless needs no display; a headed run
// (HEADED=1) without one is wrapped in xvfb-run when it is installed.
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

const headed = process.env.HEADED === '1';
const pw = ['playwright', 'test', ...(headed ? ['--headed'] : []), ...extra];
const needsXvfb = headed && !process.env.DISPLAY && spawnSync('which', ['xvfb-run']).status === 0;
const [cmd, args] = needsXvfb ? ['xvfb-run', ['-a', 'npx', ...pw]] : ['npx', pw];
const r = spawnSync(cmd, args, { stdio: 'inherit', env });
process.exit(r.status ?? 1);
