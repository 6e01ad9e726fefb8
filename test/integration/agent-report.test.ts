// The agent push report against real agents: the demo agents (must pass every required check),
// the @a2a-js/sdk agent with its own push sender (no retries: fails retries), and broken
// fixtures that each fail for their own reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentReport } from '../../shared/api/agent-report';
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
      expect(status(report, 'auth.hmac', 'tutorial')).toBe('pass');
      expect(status(report, 'auth.token', 'v1.0')).toBe('pass');
      expect(status(report, 'delivery.states', 'v1.0')).toBe('pass');
      if (name === 'enterprise') expect(status(report, 'auth.jwt', 'tutorial')).toBe('pass');
      // The report's rules are gone afterwards.
      expect(await t.engine.handlers.listResponseRules({})).toEqual([]);
    }
  });
});
