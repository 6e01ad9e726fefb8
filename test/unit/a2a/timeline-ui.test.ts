// The Agents screen's pure parts: row views of timeline events (state segments, gaps, labels,
// keys precomputed once), and the agents store applying engine event batches (stream events
// appended to the timeline in place without touching the store, tasks upserted, refetch on a
// webhook of the selected task, a partial first page asked again).
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
  it('applies stream, task and capture events for the selection', async () => {
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
    store.getState().applyBatch([
      { type: 'stream', taskId: 't1', event: ev(3, 'stream', 'working') },
      { type: 'stream', taskId: 'other', event: ev(4, 'stream', 'working') },
    ]);
    // Appended in place: same timeline object, no store change, one new snapshot.
    expect(store.getState().events).toBe(data);
    expect(listener).not.toHaveBeenCalled();
    expect(data.rows.map((r) => r?.event.at)).toEqual([1, 2, 3]);
    expect(data.getSnapshot()).toMatchObject({ total: 3, stream: 2 });
    store.getState().applyBatch([{ type: 'task', task: task('t2', 'submitted') }]);
    expect(store.getState().tasks.map((t) => t.taskId)).toEqual(['t2', 't1']);
    unsubscribe();
    expect(getTimeline).toHaveBeenCalledTimes(1);
    store.getState().applyBatch([
      {
        type: 'capture',
        capture: {
          id: 9,
          receivedAt: 5,
          method: 'POST',
          path: '/webhook',
          taskId: 't1',
          verdict: 'valid',
          size: 1,
          contentType: null,
          source: 'receiver',
          answeredBy: null,
        },
      },
    ]);
    expect(getTimeline).toHaveBeenCalledTimes(2);
  });

  it('asks again for a partial first page', async () => {
    const full: Timeline = { task: null, events: [ev(1, 'stream', 'working')], findings: [] };
    const getTimeline = vi
      .fn<() => Promise<Timeline>>()
      .mockResolvedValueOnce({ ...full, partial: true, total: 1, offset: 0 })
      .mockResolvedValue({
        ...full,
        findings: [{ rule: 'r', severity: 'warning', message: 'm', frameId: null }],
      });
    const store = createAgentsStore({ getTimeline } as unknown as SwitchboardApi);
    await store.getState().selectTask('t1');
    expect(getTimeline).toHaveBeenCalledTimes(2);
    expect(store.getState().findings).toHaveLength(1);
    expect(store.getState().events.getSnapshot().total).toBe(1);
  });
});
