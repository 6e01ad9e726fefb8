// Handler report against three reference handlers in test/fixtures: strict (every attack refused,
// valid delivery accepted), naive (the tutorial's enterprise receiver as written: which get
// through) and replay-protecting (refuses a repeated signature+timestamp: every probe must use its
// own fresh delivery, or unrelated rows look refused). An accept-everything handler is never
// "secure"; "broken" only when the baseline failed. Also the CLI exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../electron/cli/args';
import { runReplayCli } from '../../electron/cli/replay-cli';
import { runHandlerReport } from '../../electron/engine/replay/handler-report';
import { startNaiveReceiver } from '../fixtures/naive-receiver';
import { startReplayProtectingReceiver } from '../fixtures/replay-protecting-receiver';
import {
  startJudgingServer,
  startStrictReceiver,
  type FixtureReceiver,
} from '../fixtures/strict-receiver';
import {
  insertTutorialCapture,
  replayStore,
  targetArgs,
  type ReplayStore,
} from '../unit/replay/helpers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('handler report', () => {
  let s: ReplayStore;
  let strict: FixtureReceiver;
  let naive: FixtureReceiver;
  let protecting: FixtureReceiver;
  let acceptAll: FixtureReceiver;
  let refuseAll: FixtureReceiver;
  let captureId: number;
  beforeAll(async () => {
    s = replayStore();
    const secrets = { webhookSecret: s.settings.webhookSecret, jwtSecret: s.settings.jwtSecret };
    strict = await startStrictReceiver(secrets);
    naive = await startNaiveReceiver(secrets);
    protecting = await startReplayProtectingReceiver(secrets);
    acceptAll = await startJudgingServer(() => ({ status: 200, reason: 'ok' }));
    refuseAll = await startJudgingServer(() => ({ status: 401, reason: 'no' }));
    const task = 'task-report-1';
    captureId = (await insertTutorialCapture(s, { taskId: task, receivedAt: Date.now() - 2000 }))
      .id;
    await insertTutorialCapture(s, { taskId: task });
  });
  afterAll(async () => {
    await strict.close();
    await naive.close();
    await protecting.close();
    await acceptAll.close();
    await refuseAll.close();
    s.cleanup();
  });

  it('strict receiver: valid accepted, every attack refused', async () => {
    const r = await runHandlerReport(s.svc, {
      ...targetArgs(),
      targetUrl: strict.url,
      captureId,
      duplicates: 3,
    });
    const byCheck = Object.fromEntries(r.rows.map((row) => [row.check, row]));
    expect(byCheck['valid-resigned']?.verdict).toBe('ok');
    for (const row of r.rows)
      expect([row.check, row.verdict]).toEqual([
        row.check,
        row.expected === 'accept' ? 'ok' : 'secure',
      ]);
    expect(r.vulnerable).toBe(0);
    expect(r.validRejected).toBe(false);
    expect(byCheck['duplicate-delivery']?.statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(byCheck['out-of-order']?.statuses).toEqual([200, 200]);
    expect(r.markdown).toContain('| stale-timestamp |');
    expect(r.markdown).toContain('No attack was accepted.');
  });

  it('naive receiver: stale timestamp, reused jti, removed signature and duplicates get through', async () => {
    const r = await runHandlerReport(s.svc, {
      ...targetArgs(),
      targetUrl: naive.url,
      captureId,
      duplicates: 3,
    });
    const verdicts = Object.fromEntries(r.rows.map((row) => [row.check, row.verdict]));
    expect(verdicts).toEqual({
      'valid-resigned': 'ok',
      'stale-timestamp': 'VULNERABLE',
      'expired-jwt': 'secure',
      'reused-jti': 'VULNERABLE',
      'tampered-byte': 'secure',
      'wrong-secret': 'secure',
      'signature-removed': 'VULNERABLE',
      'jwt-other-task': 'secure',
      'alg-none': 'secure',
      'duplicate-delivery': 'VULNERABLE',
      'out-of-order': 'ok',
    });
    expect(r.vulnerable).toBe(4);
    expect(r.markdown).toContain('**4 attack(s) accepted: VULNERABLE.**');
    const json = JSON.parse(JSON.stringify(r)) as typeof r;
    expect(json.rows).toHaveLength(11);
  });

  it('replay-protecting receiver: every probe gets its own delivery, so nothing looks broken', async () => {
    const r = await runHandlerReport(s.svc, {
      ...targetArgs(),
      targetUrl: protecting.url,
      captureId,
      duplicates: 3,
    });
    const verdicts = Object.fromEntries(r.rows.map((row) => [row.check, row.verdict]));
    expect(verdicts).toEqual({
      'valid-resigned': 'ok',
      'stale-timestamp': 'secure',
      'expired-jwt': 'secure',
      'reused-jti': 'secure',
      'tampered-byte': 'secure',
      'wrong-secret': 'secure',
      'signature-removed': 'secure',
      'jwt-other-task': 'secure',
      'alg-none': 'secure',
      'duplicate-delivery': 'secure',
      'out-of-order': 'ok',
    });
    expect(r.validRejected).toBe(false);
    // No two probes (other than the duplicate copies) shared signature and timestamp.
    const pairs = protecting.received.map((q) => {
      const h = (n: string) =>
        q.rawHeaders[q.rawHeaders.findIndex((x) => x.toLowerCase() === n) + 1];
      return `${h('x-a2a-signature')}|${h('x-a2a-timestamp')}`;
    });
    expect(new Set(pairs).size).toBe(pairs.length - 2);
  });

  it('accept-everything handler is never secure; refuse-everything is broken only at the baseline', async () => {
    const all = await runHandlerReport(s.svc, {
      ...targetArgs(),
      targetUrl: acceptAll.url,
      captureId,
      duplicates: 2,
    });
    expect(all.rows.filter((row) => row.verdict === 'secure')).toEqual([]);
    expect(all.vulnerable).toBe(9);
    const none = await runHandlerReport(s.svc, {
      ...targetArgs(),
      targetUrl: refuseAll.url,
      captureId,
      duplicates: 2,
    });
    const verdicts = none.rows.map((row) => row.verdict);
    expect(verdicts[0]).toBe('broken');
    expect(verdicts.slice(1)).toEqual(Array(10).fill('inconclusive'));
    expect(none.validRejected).toBe(true);
    expect(none.vulnerable).toBe(0);
  });

  it('skips JWT attacks with a reason when the capture has no JWT', async () => {
    const plain = await insertTutorialCapture(s, { jwt: false });
    const r = await runHandlerReport(s.svc, {
      ...targetArgs(),
      targetUrl: naive.url,
      captureId: plain.id,
      duplicates: 2,
    });
    const row = r.rows.find((x) => x.check === 'alg-none');
    expect(row?.verdict).toBe('skipped');
    expect(row?.reason).toMatch(/no Bearer JWT/);
  });

  it('CLI exits 1 against the naive receiver and 0 against the strict one', async () => {
    // The CLI reads settings from the data dir: save the test secrets there.
    writeFileSync(
      join(s.dataDir, 'settings.json'),
      JSON.stringify({
        webhookSecret: s.settings.webhookSecret,
        jwtSecret: s.settings.jwtSecret,
        standardWebhooksSecret: s.settings.standardWebhooksSecret,
      }),
    );
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    const base = ['--capture', String(captureId), '--data-dir', s.dataDir];
    expect(await runReplayCli(['handler-report', '--to', naive.url, ...base], log)).toBe(1);
    expect(lines.join('\n')).toContain('VULNERABLE');
    expect(
      await runReplayCli(['handler-report', '--to', strict.url, ...base, '--format', 'json'], log),
    ).toBe(0);
    expect(
      await runReplayCli(
        [
          'replay',
          String(captureId),
          '--to',
          strict.url,
          '--mode',
          'resigned',
          '--data-dir',
          s.dataDir,
        ],
        log,
      ),
    ).toBe(0);
    expect(
      await runReplayCli(
        [
          'replay',
          String(captureId),
          '--to',
          strict.url,
          '--mode',
          'attack',
          '--attack',
          'alg-none',
          '--data-dir',
          s.dataDir,
        ],
        log,
      ),
    ).toBe(0);
    await expect(runReplayCli(['replay', '--to', strict.url], log)).rejects.toThrow(UsageError);
  });
});
