// The npm package as a user gets it: `npm pack` (its prepack builds the esbuild bundle), the
// tarball installed into an empty project, and the installed `switchboard` bin run with plain
// Node (no tsx): --version, `listen --count 1` against a signed webhook, and `demo` +
// `agent-report` from the same install.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, type CliCommand } from '../helpers/run-cli';
import { tutorialWebhook } from '../helpers/tutorial-webhook';

const root = mkdtempSync(join(tmpdir(), 'sb-npm-'));
const app = join(root, 'app');
let bin: CliCommand;
const secrets = {
  SWITCHBOARD_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
  SWITCHBOARD_JWT_SECRET: randomBytes(24).toString('hex'),
};
/** npm as the user runs it: npm_execpath inside `npm test`, else `npm` on the PATH. */
const npm = (args: string[], cwd: string) => {
  const execPath = process.env['npm_execpath'];
  return execPath
    ? execFileSync(process.execPath, [execPath, ...args], { cwd, encoding: 'utf8', stdio: 'pipe' })
    : execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: 'pipe' });
};

beforeAll(() => {
  npm(['pack', '--pack-destination', root], process.cwd());
  const tarball = readdirSync(root).find((f) => f.endsWith('.tgz'))!;
  mkdirSync(app);
  writeFileSync(
    join(app, 'package.json'),
    '{"name":"try-switchboard","version":"1.0.0","private":true}',
  );
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(root, tarball)], app);
  bin = { file: join(app, 'node_modules', '.bin', 'switchboard'), prefix: [], cwd: app };
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm package', () => {
  it('installs only the bundle and better-sqlite3, and prints its version', async () => {
    const installed = readdirSync(join(app, 'node_modules')).sort();
    expect(installed).toEqual([
      '.bin',
      '.package-lock.json',
      'better-sqlite3',
      'node-addon-api',
      'switchboard',
    ]);
    const pkg = JSON.parse(
      readFileSync(join(app, 'node_modules/switchboard/package.json'), 'utf8'),
    ) as { version: string };
    expect(await runCli(['--version'], { command: bin })).toMatchObject({
      code: 0,
      stdout: `${pkg.version}\n`,
    });
  });

  it('listen --count 1 prints the capture and exits 0', async () => {
    const run = startCli(
      [
        'listen',
        '--receiver-port',
        '0',
        '--data-dir',
        join(root, 'listen'),
        '--json',
        '--count',
        '1',
      ],
      { env: secrets, command: bin },
    );
    try {
      const { webhook } = JSON.parse((await run.lines(1))[0]!) as { webhook: string };
      const hook = await tutorialWebhook({ webhookSecret: secrets.SWITCHBOARD_WEBHOOK_SECRET });
      expect((await fetch(webhook, { method: 'POST', ...hook })).status).toBe(200);
      expect(await run.exited).toBe(0);
      const capture = JSON.parse(run.stdout().trim().split('\n')[1]!) as {
        verdict: string;
        taskId: string;
      };
      expect(capture).toMatchObject({ verdict: 'valid', taskId: hook.taskId });
    } finally {
      await run.stop();
    }
  });

  it('serve runs from the install and serves the packed UI', async () => {
    const run = startCli(
      [
        'serve',
        '--port',
        '0',
        '--receiver-port',
        '0',
        '--data-dir',
        join(root, 'serve'),
        '--no-open',
        '--json',
      ],
      { env: { ...secrets, SWITCHBOARD_TOKEN: randomBytes(18).toString('hex') }, command: bin },
    );
    try {
      const { ui } = JSON.parse((await run.lines(1))[0]!) as { ui: string };
      // The token moves into a cookie (302 to /); the page then loads with that cookie.
      const first = await fetch(ui, { redirect: 'manual' });
      expect(first.status).toBe(302);
      const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
      const page = await fetch(new URL('/', ui), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      await run.stop();
    }
  });

  it('agent-report passes for a demo agent started from the same install', async () => {
    const demo = startCli(
      [
        'demo',
        '--long-port',
        '0',
        '--enterprise-port',
        '0',
        '--speed',
        '100',
        '--data-dir',
        join(root, 'demo'),
        '--json',
      ],
      { env: secrets, command: bin },
    );
    try {
      const { long } = JSON.parse((await demo.lines(1))[0]!) as { long: string };
      const r = await runCli(
        ['agent-report', long, '--time-scale', '100', '--scenario-timeout', '15'],
        {
          env: secrets,
          command: bin,
        },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(`# Agent push report: ${long}`);
      expect(r.stderr).toContain('every required check passed');
    } finally {
      await demo.stop();
    }
  });
});
