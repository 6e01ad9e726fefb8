// The Agents screen's pure parts: state segments and gaps of timeline rows, and the agents
// store applying engine event batches (stream events appended, tasks upserted, refetch on a
// webhook of the selected task).
import { describe, expect, it, vi } from 'vitest';
import type { SwitchboardApi } from '../../../shared/api';
import type { TaskView } from '../../../shared/api/agents';
import type { TimelineEvent } from '../../../shared/a2a/types';
import { createAgentsStore } from '../../../renderer/state/agents-slice';
import { formatGap, toRows } from '../../../renderer/views/agents/timeline-rows';

const ev = (
  at: number,
  source: 'stream' | 'webhook',
  state?: TimelineEvent['state'],
): TimelineEvent => ({
  source,
  at,
  kind: source === 'stream' ? 'status-update' : 'webhook',
  ...(state ? { state } : {}),
});

describe('timeline rows', () => {
  it('carries the stream state as segment, marks segment starts and gaps', () => {
    const rows = toRows([
      ev(0, 'stream', 'submitted'),
      ev(10, 'stream', 'working'),
      ev(3010, 'webhook', 'completed'),
      ev(3020, 'stream'),
    ]);
    expect(rows.map((r) => r.segment)).toEqual(['submitted', 'working', 'working', 'working']);
    expect(rows.map((r) => r.segmentStart)).toEqual([true, true, false, false]);
    expect(rows.map((r) => formatGap(r.gapMs))).toEqual(['', '+10 ms', '+3.0 s', '+10 ms']);
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
    const getTimeline = vi.fn(async () => ({
      task: null,
      events: [ev(1, 'stream', 'working'), ev(2, 'webhook', 'completed')],
      findings: [],
    }));
    const api = {
      getTimeline,
      listTasks: async () => [task('t1', 'working')],
    } as unknown as SwitchboardApi;
    const store = createAgentsStore(api);
    await store.getState().selectAgent(1);
    await store.getState().selectTask('t1');
    expect(store.getState().events).toHaveLength(2);
    store.getState().applyBatch([
      { type: 'stream', taskId: 't1', event: ev(3, 'stream', 'working') },
      { type: 'stream', taskId: 'other', event: ev(4, 'stream', 'working') },
      { type: 'task', task: task('t2', 'submitted') },
    ]);
    expect(store.getState().events.map((e) => e.at)).toEqual([1, 2, 3]);
    expect(store.getState().tasks.map((t) => t.taskId)).toEqual(['t2', 't1']);
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
        },
      },
    ]);
    expect(getTimeline).toHaveBeenCalledTimes(2);
  });
});
