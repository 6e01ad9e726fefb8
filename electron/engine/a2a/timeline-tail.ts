// The last page of a task's timeline without building the whole timeline: the last `limit`
// frames by id (the task's frame index read backwards), every webhook of the task, merged by
// arrival time like buildTimeline (stable: a frame before a webhook of the same ms). Findings
// need the linter over every frame, so this page has none and says so (`partial`); the caller
// builds the full timeline next. Assumes arrival times grow with frame ids (frames are stored
// as they arrive), which is what makes the page's offset match the full timeline's.
import type { TimelineEvent } from '../../../shared/a2a/types';
import type { Timeline } from '../../../shared/api/agents';
import type { Db } from '../store/open-store';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import { frameToTimeline } from './frame-record';
import { webhookEvents } from './timeline';

export function fastTail(
  db: Db,
  wire: A2aWireRepo,
  taskId: string,
  limit: number,
): Omit<Timeline, 'task'> {
  const frames = wire.timelineTail(taskId, limit);
  const streamCount = wire.frameCount(taskId);
  const stream = frames.map((f) => frameToTimeline(f));
  const webhooks = webhookEvents(db, taskId);
  const firstAt = stream[0]?.at ?? -Infinity;
  const early = webhooks.filter((w) => w.at < firstAt);
  const merged = [...stream, ...webhooks.filter((w) => w.at >= firstAt)].sort(
    (a, b) => a.at - b.at,
  );
  const events = merged.slice(-limit);
  const total = streamCount + webhooks.length;
  const offset = total - events.length;
  // What precedes the page: dropped merged events, else the frame before and early webhooks.
  const dropped = merged.slice(0, merged.length - events.length);
  let segment = frames[0] ? wire.stateBefore(taskId, frames[0].id) : null;
  for (const e of dropped) if (e.source === 'stream' && e.state) segment = e.state;
  let prev: TimelineEvent | undefined = dropped[dropped.length - 1];
  if (!prev && offset > 0) {
    const before = frames[0] ? wire.timelineBefore(taskId, frames[0].id) : undefined;
    const lastEarly = early[early.length - 1];
    const prevAt = Math.max(before?.at ?? -Infinity, lastEarly?.at ?? -Infinity);
    prev = Number.isFinite(prevAt) ? ({ at: prevAt } as TimelineEvent) : undefined;
  }
  const webhookCount = webhooks.length;
  return {
    events,
    findings: [],
    partial: true,
    total,
    offset,
    nextCursor: null,
    counts: { stream: streamCount, webhook: webhookCount, findings: 0 },
    before: prev ? { at: prev.at, segment } : null,
  };
}
