// The demo, replay and audit slices of the one store against a fake bridge: each loads through
// the bridge and applies its own engine events (nothing before its screen has loaded it), and
// the events that arrive while a load is under way are applied over its answer.
import { describe, expect, it } from 'vitest';
import type { SwitchboardApi } from '../../../shared/api';
import type { DeliveryAttempt, DemoAgentInfo } from '../../../shared/api/demo';
import type { BulkProgress } from '../../../shared/api/replay';
import type { AuditEntry } from '../../../shared/model';
import type { Bridge } from '../../../renderer/bridge/types';
import { applyEngineEvents, createAppStore } from '../../../renderer/state/store';

const agent = (name: 'long' | 'enterprise', status: 'running' | 'stopped'): DemoAgentInfo =>
  ({
    name,
    title: name,
    status,
    url: null,
    port: null,
    defaultPort: 1,
    speed: 1,
    card: null,
    error: null,
  }) as DemoAgentInfo;
const attempt = (id: number, agentName: 'long' | 'enterprise'): DeliveryAttempt =>
  ({ id, agent: agentName, outcome: 'delivered' }) as DeliveryAttempt;
const entry = (id: number): AuditEntry => ({
  id,
  at: id,
  kind: 'rejected',
  method: 'POST',
  path: '/webhook',
  status: 413,
  reason: 'too large',
  remoteAddress: '127.0.0.1',
});
const progress = (bulkId: string, done: number): BulkProgress => ({
  bulkId,
  total: 3,
  done,
  ok: done,
  failed: 0,
  state: done === 3 ? 'finished' : 'running',
  elapsedMs: 1,
});

function store(overrides: Partial<Record<keyof SwitchboardApi, unknown>> = {}) {
  const api = {
    listDemoAgents: async () => [agent('long', 'stopped'), agent('enterprise', 'stopped')],
    listResponseRules: async () => [],
    listDeliveries: async (a: { agent?: string }) => ({
      items: a.agent === 'enterprise' ? [] : [attempt(1, 'long')],
      stats: { deliveries: 1, delivered: 1, failed: 0, attempts: 1, successRate: 1 },
      nextCursor: null,
    }),
    listAudit: async () => ({ items: [entry(1)], nextCursor: null }),
    startBulkReplay: async () => progress('b1', 0),
    cancelBulkReplay: async () => ({ ...progress('b1', 1), state: 'cancelled' }),
    ...overrides,
  } as unknown as SwitchboardApi;
  const bridge: Bridge = {
    kind: 'http',
    api,
    onEvent: () => () => undefined,
    onConnection: () => () => undefined,
  };
  return createAppStore(bridge);
}

describe('domain slices', () => {
  it('demo: loads, then follows agent, rule and delivery events (under its agent filter)', async () => {
    const s = store();
    applyEngineEvents(s, [{ type: 'delivery', attempt: attempt(9, 'long') }]);
    expect(s.getState().demo.log.items).toEqual([]);
    await s.getState().demo.load();
    expect(s.getState().demo.agents.map((a) => a.name)).toEqual(['long', 'enterprise']);
    applyEngineEvents(s, [
      { type: 'demo-agent', agent: agent('enterprise', 'running') },
      { type: 'delivery', attempt: attempt(2, 'long') },
      { type: 'response-rules', rules: [] },
    ]);
    const demo = s.getState().demo;
    expect(demo.agents.find((a) => a.name === 'enterprise')?.status).toBe('running');
    expect(demo.log.items.map((a) => a.id)).toEqual([2, 1]);
    expect(demo.log.stats.delivered).toBe(2);
    demo.setFilter('enterprise');
    await demo.loadLog();
    applyEngineEvents(s, [{ type: 'delivery', attempt: attempt(3, 'long') }]);
    expect(s.getState().demo.log.items).toEqual([]);
  });

  it('replay: a bulk replay advances with its own progress events only', async () => {
    const s = store();
    await s.getState().replay.startBulk({} as Parameters<SwitchboardApi['startBulkReplay']>[0]);
    applyEngineEvents(s, [
      { type: 'replay-progress', progress: progress('other', 2) },
      { type: 'replay-progress', progress: progress('b1', 2) },
    ]);
    expect(s.getState().replay.bulk?.done).toBe(2);
    await s.getState().replay.cancelBulk();
    expect(s.getState().replay.bulk?.state).toBe('cancelled');
  });

  it('audit: live entries go on top once the log is loaded', async () => {
    const s = store();
    applyEngineEvents(s, [{ type: 'audit', entry: entry(5) }]);
    expect(s.getState().audit.items).toEqual([]);
    await s.getState().audit.load();
    applyEngineEvents(s, [
      { type: 'audit', entry: entry(2) },
      { type: 'audit', entry: entry(3) },
    ]);
    expect(s.getState().audit.items.map((a) => a.id)).toEqual([3, 2, 1]);
  });

  it('events that arrive while a screen loads are kept over the older answer', async () => {
    // Each answer was read before the events below; it comes after them.
    const gates: (() => void)[] = [];
    const later =
      <T>(value: T) =>
      () =>
        new Promise<T>((resolve) => gates.push(() => resolve(value)));
    const s = store({
      listDemoAgents: later([agent('long', 'stopped'), agent('enterprise', 'stopped')]),
      listDeliveries: later({
        items: [attempt(1, 'long')],
        stats: { deliveries: 1, delivered: 1, failed: 0, attempts: 1, successRate: 1 },
        nextCursor: null,
      }),
      listAudit: later({ items: [entry(1)], nextCursor: null }),
    });
    const demo = s.getState().demo.load();
    const audit = s.getState().audit.load();
    applyEngineEvents(s, [
      { type: 'demo-agent', agent: agent('long', 'running') },
      { type: 'audit', entry: entry(2) },
      { type: 'audit', entry: entry(1) },
    ]);
    for (const open of gates.splice(0)) open();
    await audit;
    // The log loads after the agents: its answer is read once more events came.
    await new Promise((r) => setTimeout(r, 0));
    applyEngineEvents(s, [{ type: 'delivery', attempt: attempt(2, 'long') }]);
    for (const open of gates.splice(0)) open();
    await demo;
    const state = s.getState();
    expect(state.demo.agents.find((a) => a.name === 'long')?.status).toBe('running');
    expect(state.demo.log.items.map((a) => a.id)).toEqual([2, 1]);
    expect(state.demo.log.stats.delivered).toBe(2);
    expect(state.audit.items.map((e) => e.id)).toEqual([2, 1]);
  });
});
