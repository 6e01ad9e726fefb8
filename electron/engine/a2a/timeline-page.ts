// Paged reads of one task's timeline (GET /api/tasks/:taskId/timeline?limit=&cursor=). The
// merged, linted timeline is built once per task and kept (two tasks at most) until its
// fingerprint changes: frame count and last id, captures and their verdicts, and what the
// linter reads of each exchange (status, content type, version, stream kind and end). The
// fingerprint is one indexed query, so a page of an unchanged 100k-event task costs a slice,
// not a rebuild. Without `limit` the whole timeline is answered, as before paging existed.
// The first tail page of a changed timeline is answered from the last frames alone (fastTail,
// `partial`, no findings); asked again for the same fingerprint, the full build answers.
import type { Finding, TaskState, TimelineEvent } from '../../../shared/a2a/types';
import type { Timeline } from '../../../shared/api/agents';
import type { Db } from '../store/open-store';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import { buildTimeline } from './timeline';
import { fastTail } from './timeline-tail';

interface Built {
  fingerprint: string;
  events: TimelineEvent[];
  findings: Finding[];
  /** State in force on the stream lane at each event index. */
  segments: (TaskState | null)[];
  webhooks: number;
}

const KEEP = 2;
const cache = new WeakMap<Db, Map<string, Built>>();
/** Fingerprint for which a partial tail was answered, per task (the next ask builds). */
const partialServed = new WeakMap<Db, Map<string, string>>();

const FINGERPRINT = `SELECT
  (SELECT count(*) || ':' || coalesce(max(id), 0) FROM a2a_frames WHERE task_id = @t) || '/' ||
  (SELECT coalesce(group_concat(id || verdict), '') FROM captures WHERE task_id = @t) || '/' ||
  (SELECT coalesce(group_concat(id || ':' || coalesce(status, '') || coalesce(stream_end, '') ||
     truncated_tail || coalesce(content_type, '') || coalesce(protocol_version, '') ||
     coalesce(stream_kind, '')), '') FROM a2a_wire WHERE task_id = @t) AS fp`;

function fingerprint(db: Db, taskId: string): string {
  return (db.prepare(FINGERPRINT).get({ t: taskId }) as { fp: string }).fp;
}

function cached(db: Db, taskId: string, fp: string): Built | undefined {
  const hit = cache.get(db)?.get(taskId);
  return hit && hit.fingerprint === fp ? hit : undefined;
}

function built(db: Db, wire: A2aWireRepo, taskId: string, fp: string): Built {
  const perDb = cache.get(db) ?? new Map<string, Built>();
  cache.set(db, perDb);
  const hit = cached(db, taskId, fp);
  if (hit) return hit;
  const { events, findings } = buildTimeline(db, wire, taskId);
  const segments: (TaskState | null)[] = new Array<TaskState | null>(events.length);
  let segment: TaskState | null = null;
  let webhooks = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as TimelineEvent;
    if (e.source === 'webhook') webhooks++;
    else if (e.state) segment = e.state;
    segments[i] = segment;
  }
  const b: Built = { fingerprint: fp, events, findings, segments, webhooks };
  perDb.delete(taskId);
  perDb.set(taskId, b);
  for (const k of perDb.keys()) if (perDb.size > KEEP) perDb.delete(k);
  return b;
}

export function timelineFor(
  db: Db,
  wire: A2aWireRepo,
  args: { taskId: string; limit?: number | undefined; cursor?: string | undefined },
): Omit<Timeline, 'task'> {
  const fp = fingerprint(db, args.taskId);
  if (args.limit !== undefined && args.cursor === 'tail' && !cached(db, args.taskId, fp)) {
    const served = partialServed.get(db) ?? new Map<string, string>();
    partialServed.set(db, served);
    if (served.get(args.taskId) !== fp) {
      served.set(args.taskId, fp);
      return fastTail(db, wire, args.taskId, args.limit);
    }
  }
  const b = built(db, wire, args.taskId, fp);
  if (args.limit === undefined) return { events: b.events, findings: b.findings };
  const total = b.events.length;
  const limit = args.limit;
  const wanted = args.cursor === 'tail' ? total - limit : Number(args.cursor ?? 0);
  const offset = Math.max(0, Math.min(wanted, total));
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
}
