// The last page of a task's timeline without building the whole timeline: the last `limit`
// frames by id (the task's frame index read backwards), every webhook of the task, merged by
// arrival time like buildTimeline (stable: a frame before a webhook of the same ms), with their
// findings: stored at ingest for the frames, computed for the webhooks. So the linted tail is
// as fast as the first rows. Assumes arrival times grow with frame ids (frames are stored as
// they arrive), which is what makes the page's offset match the full timeline's.
import type { TimelineEvent } from '../../../shared/a2a/types';
import type { Timeline } from '../../../shared/api/agents';
import { frameToTimeline } from './frame-record';
import { attachByFrame, lintUnlinted, plainFindings, type TimelineDeps } from './timeline';
import { lintWebhookEvents, webhookEvent } from './webhook-events';

export function tailPage(d: TimelineDeps, taskId: string, limit: number): Omit<Timeline, 'task'> {
  lintUnlinted(d, taskId);
  const { wire } = d;
  const frames = wire.timelineTail(taskId, limit);
  const streamCount = wire.frameCount(taskId);
  const stream = frames.map((f) => frameToTimeline(f));
  const webhooks = d.captures.webhooksOfTask(taskId).map(webhookEvent);
  const hookFindings = webhooks.length ? lintWebhookEvents(wire.statePoints(taskId), webhooks) : [];
  const first = frames[0];
  const last = frames[frames.length - 1];
  if (first && last) attachByFrame(stream, d.findings.ofFrames(taskId, first.id, last.id));
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
  let segment = first ? wire.stateBefore(taskId, first.id) : null;
  for (const e of dropped) if (e.source === 'stream' && e.state) segment = e.state;
  let prev: TimelineEvent | undefined = dropped[dropped.length - 1];
  if (!prev && offset > 0) {
    const before = first ? wire.timelineBefore(taskId, first.id) : undefined;
    const lastEarly = early[early.length - 1];
    const prevAt = Math.max(before?.at ?? -Infinity, lastEarly?.at ?? -Infinity);
    prev = Number.isFinite(prevAt) ? ({ at: prevAt } as TimelineEvent) : undefined;
  }
  const plain = plainFindings(d, taskId);
  const findings = [...plain, ...d.findings.streamLevel(taskId)];
  for (const e of events) if (e.findings) findings.push(...e.findings);
  return {
    events,
    findings,
    total,
    offset,
    nextCursor: null,
    counts: {
      stream: streamCount,
      webhook: webhooks.length,
      findings: plain.length + d.findings.count(taskId) + hookFindings.length,
    },
    before: prev ? { at: prev.at, segment } : null,
  };
}
