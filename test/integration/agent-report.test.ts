// The agent push report against real agents: the demo agents (must pass every required check),
// the @a2a-js/sdk agent with its own push sender (no retries: fails retries), and broken
// fixtures that each fail for their own reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentReport } from '../../shared/api/agent-report';
import { startBrokenPushAgent, type PushFlaw } from '../fixtures/broken-push-agents';
import { startSdkAgent } from '../fixtures/sdk-agent';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.cleanup());

const SPEED = 100;
const failedRequired = (r: AgentReport) =>
  r.checks
    .filter((c) => c.required && c.status === 'fail')
    .map((c) => `${c.dialect} ${c.id}: ${c.why}`);
const status = (r: AgentReport, id: string, dialect?: string) =>
  r.checks.find((c) => c.id === id && (!dialect || c.dialect === dialect))?.status;

describe('agent push report', () => {
  it('the demo agents pass every required check', { timeout: 60_000 }, async () => {
    for (const name of ['long', 'enterprise'] as const) {
      const agent = await t.engine.handlers.startDemoAgent({ name, port: 0, speed: SPEED });
      const report = await t.engine.handlers.agentReport({
        url: agent.url!,
        timeScale: SPEED,
        scenarioTimeoutMs: 15_000,
      });
      expect(failedRequired(report), name).toEqual([]);
      expect(report.dialects).toEqual(['tutorial', 'v1.0']);
      expect(status(report, 'retries.retry-500')).toBe('pass');
      expect(status(report, 'retries.retry-after')).toBe('pass');
      expect(status(report, 'robustness.receiver-down')).toBe('pass');
      // The demo agents' 10 s request timeout is real time (not divided by their speed), so the
      // receiver's scaled 35 s hang (350 ms) ends first: nothing to retry.
      expect(report.checks.find((c) => c.id === 'retries.timeout')?.why).toMatch(
        /waited the receiver's 350 ms without retrying/,
      );
      expect(status(report, 'auth.hmac', 'tutorial')).toBe('pass');
      expect(status(report, 'auth.token', 'v1.0')).toBe('pass');
      expect(status(report, 'delivery.states', 'v1.0')).toBe('pass');
      // Tasks driven over the card's other transports push their terminal state too.
      expect(status(report, 'delivery.transport.http-json', 'v1.0')).toBe('pass');
      expect(status(report, 'delivery.transport.grpc', 'v1.0')).toBe('pass');
      if (name === 'enterprise') expect(status(report, 'auth.jwt', 'tutorial')).toBe('pass');
      // Only the enterprise agent validates the endpoint (the tutorial's secure task).
      expect(status(report, 'security.challenge', 'tutorial')).toBe(
        name === 'enterprise' ? 'pass' : 'fail',
      );
      // A local agent pushing to a local receiver: the URL policy check does not apply.
      expect(report.checks.find((c) => c.id === 'security.push-url-policy')?.why).toMatch(
        /loopback address: pushing to a local receiver is expected/,
      );
      // The report's rules are gone afterwards.
      expect(await t.engine.handlers.listResponseRules({})).toEqual([]);
    }
  });

  it(
    'the @a2a-js/sdk agent delivers every event with its token but never retries',
    { timeout: 60_000 },
    async () => {
      const agent = await startSdkAgent('1.0');
      try {
        const report = await t.engine.handlers.agentReport({
          url: agent.url,
          timeScale: 20,
          scenarioTimeoutMs: 15_000,
        });
        expect(report.dialects).toEqual(['v1.0']);
        for (const id of [
          'delivery.terminal',
          'delivery.states',
          'delivery.task-id',
          'auth.token',
          'disconnect.survives',
        ])
          expect(status(report, id), id).toBe('pass');
        expect(failedRequired(report)).toEqual([
          expect.stringMatching(/^v1\.0 retries\.retry-500: .*answered 500 and never sent again/),
          expect.stringMatching(
            /^v1\.0 robustness\.receiver-down: the webhook for submitted went out on the dropped connection/,
          ),
        ]);
        expect(status(report, 'retries.retry-after')).toBe('fail');
        expect(status(report, 'retries.give-up')).toBe('n/a');
        expect(report.markdown).toContain('**2 required check(s) failed.**');
      } finally {
        await agent.close();
      }
    },
  );

  const flaws: [PushFlaw, string, RegExp][] = [
    [
      'no-retries',
      'retries.retry-500',
      /answered 500 and never sent again within \d+ ms: no retries/,
    ],
    [
      'wrong-token',
      'auth.token',
      /: The token in X-A2A-Notification-Token does not equal the token Switchboard registered/,
    ],
    ['no-terminal', 'delivery.terminal', /none with a terminal state/],
    ['unsigned', 'auth.hmac', /^#\d+: No X-A2A-Signature header/],
  ];
  for (const [flaw, check, why] of flaws) {
    it(`a broken agent (${flaw}) fails ${check}`, { timeout: 60_000 }, async () => {
      const agent = await startBrokenPushAgent(flaw);
      try {
        const report = await t.engine.handlers.agentReport({
          url: agent.url,
          timeScale: 20,
          scenarioTimeoutMs: 3_000,
        });
        const failed = report.checks.find((c) => c.id === check && c.status === 'fail');
        expect(failed, report.markdown).toBeDefined();
        expect(failed!.required).toBe(true);
        expect(failed!.why).toMatch(why);
        expect(report.failedRequired).toBeGreaterThan(0);
      } finally {
        await agent.close();
      }
    });
  }
});
