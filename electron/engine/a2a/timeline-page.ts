// Paged reads of one task's timeline (GET /api/tasks/:taskId/timeline?limit=&cursor=). The tail
// page (the first a view asks for) is read from the last frames and stored findings alone
// (timeline-tail.ts), linted, at the cost of its rows. Other pages slice the merged timeline,
// built once per task and kept (two tasks at most, per reader) until its fingerprint changes:
// the last frame id, captures and their verdicts, and what the linter reads of each exchange.
// No frame count (a scan of the task's frames on every page): frames join a task or leave it
// only with their exchange (assignTask, deletion), and the exchanges are in the fingerprint.
// Without `limit` the whole timeline is answered. Live rows are pushed ('timeline' events,
// timeline-feed.ts), so a view never asks again for what it was sent.
import type { Finding, TaskState, TimelineEvent } from '../../../shared/a2a/types';
import type { Timeline } from '../../../shared/api/agents';
import { buildTimeline, type TimelineDeps } from './timeline';
import { tailPage } from './timeline-tail';

interface Built {
  fingerprint: string;
  events: TimelineEvent[];
  findings: Finding[];
  /** State in force on the stream lane at each event index. */
  segments: (TaskState | null)[];
  webhooks: number;
}

const KEEP = 2;

const FINGERPRINT = `SELECT
  (SELECT coalesce(max(id), 0) FROM a2a_frames WHERE task_id = @t) || '/' ||
  (SELECT coalesce(group_concat(id || verdict), '') FROM captures WHERE task_id = @t) || '/' ||
  (SELECT coalesce(group_concat(id || ':' || coalesce(status, '') || coalesce(stream_end, '') ||
     truncated_tail || linted || coalesce(content_type, '') || coalesce(protocol_version, '') ||
     coalesce(stream_kind, '')), '') FROM a2a_wire WHERE task_id = @t) AS fp`;

export function createTimelineReader(d: TimelineDeps) {
  const cache = new Map<string, Built>();
  const fingerprintOf = d.db.prepare(FINGERPRINT);

  const built = (taskId: string): Built => {
    const fp = (fingerprintOf.get({ t: taskId }) as { fp: string }).fp;
    const hit = cache.get(taskId);
    if (hit && hit.fingerprint === fp) return hit;
    const { events, findings } = buildTimeline(d, taskId);
    const segments: (TaskState | null)[] = new Array<TaskState | null>(events.length);
    let segment: TaskState | null = null;
    let webhooks = 0;
    for (let i = 0; i < events.length; i++) {
      const e = events[i] as TimelineEvent;
      if (e.source === 'webhook') webhooks++;
      else if (e.state) segment = e.state;
      segments[i] = segment;
    }
    // Linting older exchanges changed the fingerprint: key the build by the new one.
    const now = (fingerprintOf.get({ t: taskId }) as { fp: string }).fp;
    const b: Built = { fingerprint: now, events, findings, segments, webhooks };
    cache.delete(taskId);
    cache.set(taskId, b);
    for (const k of cache.keys()) if (cache.size > KEEP) cache.delete(k);
    return b;
  };

  return function timelineFor(args: {
    taskId: string;
    limit?: number | undefined;
    cursor?: string | undefined;
  }): Omit<Timeline, 'task'> {
    if (args.limit !== undefined && args.cursor === 'tail')
      return tailPage(d, args.taskId, args.limit);
    const b = built(args.taskId);
    if (args.limit === undefined) return { events: b.events, findings: b.findings };
    const total = b.events.length;
    const limit = args.limit;
    const offset = Math.max(0, Math.min(Number(args.cursor ?? 0), total));
    const events = b.events.slice(offset, offset + limit);
    const prev = offset > 0 ? b.events[offset - 1] : undefined;
    const findings = b.findings.filter((f) => f.frameId === null && f.captureId === undefined);
    for (const e of events) if (e.findings) findings.push(...e.findings);
    return {
      events,
      findings,
      total,
      offset,
      nextCursor: offset + events.length < total ? String(offset + events.length) : null,
      counts: { stream: total - b.webhooks, webhook: b.webhooks, findings: b.findings.length },
      before: prev ? { at: prev.at, segment: b.segments[offset - 1] ?? null } : null,
    };
  };
}
