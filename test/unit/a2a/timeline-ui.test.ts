// The Agents screen's pure parts: row views of timeline events (state segments, gaps, labels,
// keys precomputed once), and the agents store applying engine event batches: pushed timeline
// rows of both lanes appended in place without touching the store, a webhook sent again
// replaced in place, whole-stream findings added, tasks upserted, and never a refetch.
import { describe, expect, it, vi } from 'vitest';
import type { SwitchboardApi } from '../../../shared/api';
import type { TaskView, Timeline } from '../../../shared/api/agents';
import type { TimelineEvent } from '../../../shared/a2a/types';
import { createAgentsStore } from '../../helpers/agents-store';
import { toRowViews } from '../../../renderer/state/timeline-rows';

let frame = 0;
const ev = (
  at: number,
  source: 'stream' | 'webhook',
  state?: TimelineEvent['state'],
): TimelineEvent => ({
  source,
  at,
  kind: source === 'stream' ? 'status-update' : 'webhook',
  ...(source === 'stream' ? { frameId: ++frame } : { captureId: at }),
  ...(state ? { state } : {}),
});

describe('timeline row views', () => {
  it('carries the stream state as segment, gaps and labels, and advances the context', () => {
    const ctx = { at: null, segment: null };
    const rows = toRowViews(
      [
        ev(0, 'stream', 'submitted'),
        ev(10, 'stream', 'working'),
        ev(3010, 'webhook', 'completed'),
        ev(3020, 'stream'),
      ],
      ctx,
    );
    expect(rows.map((r) => r.segment)).toEqual(['submitted', 'working', 'working', 'working']);
    expect(rows.map((r) => r.gap)).toEqual(['', '+10 ms', '+3.0 s', '+10 ms']);
    expect(rows.map((r) => r.longGap)).toEqual([false, false, true, false]);
    expect(rows.map((r) => r.label)).toEqual([
      'status-update',
      'status-update',
      'webhook',
      'status-update',
    ]);
    expect(rows[2]?.key).toBe('c3010');
    expect(ctx).toEqual({ at: 3020, segment: 'working' });
  });
});

describe('agents store', () => {
  const task = (taskId: string, state: TaskView['state']): TaskView => ({
    taskId,
    agentId: 1,
    contextId: null,
    state,
    protocolVersion: '1.0',
    streaming: true,
    push: null,
    lastText: null,
    createdAt: 0,
    updatedAt: 0,
  });
  const capture = {
    id: 9,
    receivedAt: 5,
    method: 'POST',
    path: '/webhook',
    taskId: 't1',
    verdict: 'valid' as const,
    size: 1,
    contentType: null,
    source: 'receiver' as const,
    answeredBy: null,
  };
  it('applies pushed timeline rows and task events for the selection, never refetching', async () => {
    const getTimeline = vi.fn(
      async (): Promise<Timeline> => ({
        task: null,
        events: [ev(1, 'stream', 'working'), ev(2, 'webhook', 'completed')],
        findings: [],
      }),
    );
    const api = {
      getTimeline,
      listTasks: async () => [task('t1', 'working')],
    } as unknown as SwitchboardApi;
    const store = createAgentsStore(api);
    await store.getState().selectAgent(1);
    await store.getState().selectTask('t1');
    expect(getTimeline).toHaveBeenCalledWith({ taskId: 't1', cursor: 'tail', limit: 1000 });
    const data = store.getState().events;
    expect(data.getSnapshot()).toMatchObject({ total: 2, stream: 1, webhook: 1 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const hook = { ...ev(5, 'webhook', 'completed'), captureId: 9, verdict: 'valid' as const };
    store.getState().applyBatch([
      { type: 'timeline', taskId: 't1', events: [ev(3, 'stream', 'working'), hook] },
      { type: 'timeline', taskId: 'other', events: [ev(4, 'stream', 'working')] },
      { type: 'capture', capture },
    ]);
    // Appended in place: same timeline object, no store change, one new snapshot.
    expect(store.getState().events).toBe(data);
    expect(listener).not.toHaveBeenCalled();
    expect(data.rows.map((r) => r?.event.at)).toEqual([1, 2, 3, 5]);
    expect(data.getSnapshot()).toMatchObject({ total: 4, stream: 2, webhook: 2 });
    store.getState().applyBatch([{ type: 'task', task: task('t2', 'submitted') }]);
    expect(store.getState().tasks.map((t) => t.taskId)).toEqual(['t2', 't1']);
    unsubscribe();
    // The webhook sent again (re-linted when the stream ended): replaced, not added.
    const disagrees = {
      rule: 'webhook-state-disagrees',
      severity: 'warning' as const,
      message: 'm',
      frameId: 3,
      captureId: 9,
    };
    const stale = {
      rule: 'missing-final',
      severity: 'warning' as const,
      message: 'x',
      frameId: null,
    };
    store.getState().applyBatch([
      {
        type: 'timeline',
        taskId: 't1',
        events: [ev(6, 'stream', 'completed')],
        updates: [{ ...hook, findings: [disagrees] }],
        findings: [stale],
      },
      { type: 'capture-updated', capture },
    ]);
    expect(data.getSnapshot()).toMatchObject({ total: 5, webhook: 2 });
    expect(data.rows[3]?.event.findings).toEqual([disagrees]);
    expect(data.rows[3]?.segment).toBe('working');
    expect(store.getState().findings).toEqual([stale]);
    expect(getTimeline).toHaveBeenCalledTimes(1);
  });

  it('keeps rows pushed while the tail page loads, without doubling those it has', async () => {
    let answer!: (t: Timeline) => void;
    const getTimeline = vi.fn(() => new Promise<Timeline>((resolve) => (answer = resolve)));
    const store = createAgentsStore({ getTimeline } as unknown as SwitchboardApi);
    const selecting = store.getState().selectTask('t1');
    const a = ev(1, 'stream', 'working');
    const b = ev(2, 'stream', 'working');
    const hook = { ...ev(3, 'webhook'), captureId: 7 };
    store.getState().applyBatch([{ type: 'timeline', taskId: 't1', events: [b, hook] }]);
    answer({ task: null, events: [a, b, hook], findings: [], total: 3, offset: 0 });
    await selecting;
    const data = store.getState().events;
    expect(data.rows.map((r) => r?.event.at)).toEqual([1, 2, 3]);
    expect(data.getSnapshot()).toMatchObject({ total: 3, stream: 2, webhook: 1 });
    expect(getTimeline).toHaveBeenCalledTimes(1);
  });
});
