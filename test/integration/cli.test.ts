// The real `switchboard` CLI in a child process: --version, usage on stderr, exit code 2 on
// usage errors, listen's NDJSON lines and exit conditions, --json URL lines of serve and demo,
// and replay of a HAR file.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startNaiveReceiver } from '../fixtures/naive-receiver';
import { startSdkAgent } from '../fixtures/sdk-agent';
import { runCli, startCli } from '../helpers/run-cli';
import { tutorialWebhook } from '../helpers/tutorial-webhook';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sb-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const secrets = {
  SWITCHBOARD_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
  SWITCHBOARD_JWT_SECRET: randomBytes(24).toString('hex'),
};
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

describe('switchboard CLI', () => {
  it('prints its version and its usage on stderr', async () => {
    const v = await runCli(['--version']);
    expect(v).toMatchObject({ code: 0, stdout: `${version}\n` });
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toBe('');
    expect(help.stderr).toContain('usage: switchboard <command>');
    expect(help.stderr).toContain('exit codes');
    const listenHelp = await runCli(['listen', '--help']);
    expect(listenHelp.stderr).toContain('--exit-on invalid');
  });

  it('exits with 2 on an unknown command, an unknown option or an invalid --format', async () => {
    for (const args of [
      ['frobnicate'],
      ['listen', '--bogus'],
      ['listen', '--count', 'many'],
      ['demo', '--speed', '0'],
      ['handler-report', '--to', 'http://127.0.0.1:1/', '--capture', '1', '--format', 'xml'],
      ['replay', '--to', 'http://127.0.0.1:1/'],
    ]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toContain('usage:');
    }
    const xml = await runCli(['handler-report', '--to', 'x', '--capture', '1', '--format', 'xml']);
    expect(xml.stderr).toContain('--format must be one of markdown, json');
  });

  it('listen prints its URLs and one NDJSON line per capture, then stops at --count', async () => {
    const run = startCli(
      ['listen', '--receiver-port', '0', '--data-dir', tempDir(), '--json', '--count', '2'],
      { env: secrets },
    );
    try {
      const [first] = await run.lines(1);
      const listening = JSON.parse(first!) as { type: string; webhook: string };
      expect(listening.type).toBe('listening');
      const good = await tutorialWebhook({ webhookSecret: secrets.SWITCHBOARD_WEBHOOK_SECRET });
      expect((await fetch(listening.webhook, { method: 'POST', ...good })).status).toBe(200);
      const bad = await tutorialWebhook({ webhookSecret: 'not-the-secret' });
      await fetch(listening.webhook, { method: 'POST', ...bad });
      expect(await run.exited).toBe(0);
      const lines = run
        .stdout()
        .trim()
        .split('\n')
        .map(
          (l) =>
            JSON.parse(l) as {
              type: string;
              verdict: string;
              taskId: string;
              checks: { id: string; status: string }[];
            },
        );
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatchObject({ type: 'capture', verdict: 'valid', taskId: good.taskId });
      expect(lines[2]).toMatchObject({ verdict: 'invalid', taskId: bad.taskId });
      expect(lines[2]!.checks.find((c) => c.id === 'hmac-sha256')?.status).toBe('fail');
      expect(run.stdout()).not.toContain(secrets.SWITCHBOARD_WEBHOOK_SECRET);
    } finally {
      await run.stop();
    }
  });

  it('listen --exit-on invalid exits 1 at the first invalid capture; --timeout without --count is 1', async () => {
    const run = startCli(
      ['listen', '--receiver-port', '0', '--data-dir', tempDir(), '--json', '--exit-on', 'invalid'],
      { env: secrets },
    );
    try {
      const listening = JSON.parse((await run.lines(1))[0]!) as { webhook: string };
      const bad = await tutorialWebhook({ webhookSecret: 'not-the-secret' });
      await fetch(listening.webhook, { method: 'POST', ...bad });
      expect(await run.exited).toBe(1);
    } finally {
      await run.stop();
    }
    const timedOut = await runCli(
      ['listen', '--receiver-port', '0', '--data-dir', tempDir(), '--count', '1', '--timeout', '1'],
      { env: secrets },
    );
    expect(timedOut.code).toBe(1);
    expect(timedOut.stderr).toContain('Listening on');
  });

  it('serve and demo print their URLs as one JSON line with --json', async () => {
    const serve = startCli(
      [
        'serve',
        '--port',
        '0',
        '--receiver-port',
        '0',
        '--data-dir',
        tempDir(),
        '--no-open',
        '--json',
      ],
      { env: { ...secrets, SWITCHBOARD_TOKEN: randomBytes(18).toString('hex') } },
    );
    const demo = startCli(
      ['demo', '--long-port', '0', '--enterprise-port', '0', '--data-dir', tempDir(), '--json'],
      { env: secrets },
    );
    try {
      const s = JSON.parse((await serve.lines(1))[0]!) as Record<string, string>;
      expect(s['ui']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      expect(s['webhook']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook$/);
      expect((await fetch(`${s['receiver']}/webhook`, { method: 'POST', body: '{}' })).status).toBe(
        200,
      );
      const d = JSON.parse((await demo.lines(1))[0]!) as Record<string, string>;
      const card = await fetch(`${d['long']}.well-known/agent-card.json`);
      expect(card.status).toBe(200);
      expect(d['enterprise']).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    } finally {
      await Promise.all([serve.stop(), demo.stop()]);
    }
  });

  it('replay takes a HAR file, imports it and replays its webhook', async () => {
    const hook = await tutorialWebhook({ webhookSecret: secrets.SWITCHBOARD_WEBHOOK_SECRET });
    const har = {
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: new Date().toISOString(),
            request: {
              method: 'POST',
              url: 'http://127.0.0.1:9000/webhook',
              headers: Object.entries(hook.headers).map(([name, value]) => ({ name, value })),
              postData: { mimeType: 'application/json', text: hook.body },
            },
          },
        ],
      },
    };
    const dir = tempDir();
    const file = join(dir, 'hooks.har');
    writeFileSync(file, JSON.stringify(har));
    const target = await startNaiveReceiver({
      webhookSecret: secrets.SWITCHBOARD_WEBHOOK_SECRET,
      jwtSecret: secrets.SWITCHBOARD_JWT_SECRET,
    });
    try {
      const r = await runCli(['replay', file, '--to', target.url, '--json', '--data-dir', dir], {
        env: secrets,
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`imported entry 0 of ${file} as capture #1`);
      expect((JSON.parse(r.stdout) as { status: number }).status).toBe(200);
      expect(target.received.at(-1)?.body.toString()).toBe(hook.body);
      const missing = await runCli([
        'replay',
        file,
        '--entry',
        '3',
        '--to',
        target.url,
        '--data-dir',
        dir,
      ]);
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('has 1 webhook entry');
    } finally {
      await target.close();
    }
  });

  it('agent-report exits 0 for a demo agent (JSON) and 1 for the SDK agent (Markdown)', async () => {
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
        tempDir(),
        '--json',
      ],
      { env: secrets },
    );
    const sdk = await startSdkAgent('1.0');
    try {
      const d = JSON.parse((await demo.lines(1))[0]!) as Record<string, string>;
      const ok = await runCli(
        [
          'agent-report',
          d['enterprise']!,
          '--format',
          'json',
          '--time-scale',
          '100',
          '--scenario-timeout',
          '15',
        ],
        { env: secrets },
      );
      expect(ok.code, ok.stderr).toBe(0);
      const report = JSON.parse(ok.stdout) as { failedRequired: number; checks: unknown[] };
      expect(report.failedRequired).toBe(0);
      expect(report.checks.length).toBeGreaterThan(10);
      const out = join(tempDir(), 'report.md');
      const bad = await runCli(
        ['agent-report', sdk.url, '--out', out, '--time-scale', '20', '--scenario-timeout', '15'],
        { env: secrets },
      );
      expect(bad.code, bad.stderr).toBe(1);
      expect(bad.stderr).toContain('2 required check(s) failed');
      expect(readFileSync(out, 'utf8')).toMatch(/retries\.retry-500 .*\| FAIL \|/);
      expect((await runCli(['agent-report', 'not a url'])).code).toBe(2);
      const down = await runCli(['agent-report', 'http://127.0.0.1:1/']);
      expect(down.code).toBe(1);
      expect(down.stdout).toBe('');
      expect(down.stderr).toMatch(/^switchboard: .+/);
    } finally {
      await Promise.all([demo.stop(), sdk.close()]);
    }
  });
});
