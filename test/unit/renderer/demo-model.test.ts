// Pure logic of the Demo agents screen: card summary from untrusted JSON, the try-it curl
// (shell-safe, push at <receiver>/webhook), live delivery stats, and the rules draft validation.
import { describe, expect, it } from 'vitest';
import type { DeliveryAttempt, DeliveryStats } from '../../../shared/api/demo';
import { addAttempt } from '../../../renderer/state/demo-log';
import {
  cardSummary,
  formatRate,
  fromRuleDrafts,
  newRuleDraft,
  toRuleDraft,
  tryItCurl,
  tutorialRequest,
} from '../../../renderer/views/demo/demo-model';

const stats0: DeliveryStats = {
  deliveries: 0,
  delivered: 0,
  failed: 0,
  attempts: 0,
  successRate: null,
};
const attempt = (id: number, outcome: DeliveryAttempt['outcome']): DeliveryAttempt => ({
  id,
  deliveryId: 'd1',
  agent: 'long',
  dialect: 'tutorial',
  taskId: 't1',
  url: 'http://127.0.0.1:9000/webhook',
  attempt: id,
  at: 0,
  delayMs: 0,
  status: outcome === 'retry' ? 500 : 200,
  latencyMs: 3,
  error: null,
  outcome,
  warning: null,
});

describe('demo card summary', () => {
  it('reads name, version, true capabilities and skills; ignores junk', () => {
    const c = cardSummary({
      name: 'Long-Running Task Agent',
      version: '1.0.0',
      capabilities: { streaming: true, pushNotifications: true, extensions: [] },
      skills: [{ id: 'x', name: 'Long-running task', description: 'd' }, 'junk', { id: 'only-id' }],
    });
    expect(c).toMatchObject({ name: 'Long-Running Task Agent', version: '1.0.0' });
    expect(c.capabilities).toEqual(['streaming', 'pushNotifications']);
    expect(c.skills.map((s) => s.name)).toEqual(['Long-running task', '', 'only-id']);
    expect(cardSummary({ name: 5, capabilities: 'yes', skills: {} })).toEqual({
      name: '',
      version: '',
      description: '',
      capabilities: [],
      skills: [],
    });
  });
});

describe('try-it curl', () => {
  it('is the tutorial request with push at <receiver>/webhook, single-quoted', () => {
    const body = tutorialRequest('http://127.0.0.1:9000/', "it's quick");
    expect(body.params.pushNotificationConfig.url).toBe('http://127.0.0.1:9000/webhook');
    const curl = tryItCurl('http://127.0.0.1:8001', 'http://127.0.0.1:9000', "it's quick");
    expect(curl).toMatch(
      /^curl -N 'http:\/\/127\.0\.0\.1:8001' -H 'Content-Type: application\/json' -d '/,
    );
    expect(curl).toContain(`it'\\''s quick`);
  });
});

describe('delivery log', () => {
  it('prepends live attempts, dedupes, and keeps stats', () => {
    let log = addAttempt([], stats0, attempt(1, 'retry'));
    expect(log.stats).toMatchObject({ attempts: 1, deliveries: 0, successRate: null });
    expect(formatRate(log.stats)).toBe('no finished delivery yet');
    log = addAttempt(log.items, log.stats, attempt(2, 'delivered'));
    expect(log.items.map((a) => a.id)).toEqual([2, 1]);
    expect(log.stats).toMatchObject({ attempts: 2, deliveries: 1, delivered: 1, successRate: 1 });
    expect(addAttempt(log.items, log.stats, attempt(2, 'delivered'))).toEqual(log);
    log = addAttempt(log.items, log.stats, attempt(3, 'failed'));
    expect(formatRate(log.stats)).toBe('50% delivered (1/2)');
    expect(addAttempt(log.items, log.stats, attempt(4, 'retry'), 2).items).toHaveLength(2);
  });
});

describe('rules draft', () => {
  it('round-trips a rule and defaults to failing the next request on /webhook', () => {
    const rule = {
      id: 'r1',
      method: 'POST',
      path: '/webhook*',
      status: 503,
      delayMs: 250,
      body: '{"err":1}',
      failNext: null,
    };
    expect(fromRuleDrafts([toRuleDraft(rule)])).toEqual([rule]);
    expect(fromRuleDrafts([newRuleDraft()])).toEqual([
      { method: '*', path: '/webhook', status: 500, delayMs: 0, body: '', failNext: 1 },
    ]);
  });
  it('says what is wrong, with the rule number', () => {
    const bad = (patch: Partial<ReturnType<typeof newRuleDraft>>) =>
      fromRuleDrafts([newRuleDraft(), { ...newRuleDraft(), ...patch }]);
    expect(bad({ path: 'webhook' })).toBe('Rule 2: path must start with /');
    expect(bad({ status: '99' })).toMatch(/^Rule 2: status/);
    expect(bad({ status: '5.5' })).toMatch(/^Rule 2: status/);
    expect(bad({ delayMs: '-1' })).toMatch(/^Rule 2: delay/);
    expect(bad({ failNext: 'x' })).toMatch(/^Rule 2: "fail next"/);
    expect(bad({ method: 'GET POST' })).toMatch(/^Rule 2: method/);
  });
});
