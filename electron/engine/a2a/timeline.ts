// Builds one task's timeline: every stored stream frame (and non-streamed answer) plus every
// webhook capture with the same task id, on one time axis, with the conformance findings of
// each SSE exchange and of the webhooks attached to the events they point at. Frames are read
// once (light columns, parse results stored at ingest); captures are read from the captures
// table at call time, so nothing has to listen for them.
import { lintStream, type LintFrame } from '../../../shared/a2a/lint';
import { lintWebhooks, type StreamStatePoint } from '../../../shared/a2a/lint-webhooks';
import { lintExchanges } from './lint-exchanges';
import { normalizeWebhook } from '../../../shared/a2a/normalize';
import type { Finding, ProtocolVersion, TimelineEvent } from '../../../shared/a2a/types';
import { DELIVERY_ATTEMPT_HEADER } from '../../../shared/api/demo';
import type { HeaderPair, Verdict } from '../../../shared/model';
import { headerValue } from '../../../shared/verify/headers';
import { parseAnswer } from '../store/captures-repo';
import type { Db } from '../store/open-store';
import type { A2aWireRepo, TimelineFrameRow } from '../store/a2a-wire-repo';
import { frameToLint, frameToTimeline, type FrameMeta } from './frame-record';

interface CaptureRow {
  id: number;
  received_at: number;
  verdict: Verdict;
  body: Buffer;
  headers: string;
  response_status: number | null;
  answered_by: string | null;
}

/** The demo agents' attempt number header, when the sender set one. */
function attemptOf(headersJson: string): number | undefined {
  try {
    const v = headerValue(JSON.parse(headersJson) as HeaderPair[], DELIVERY_ATTEMPT_HEADER);
    const n = v === undefined ? NaN : Number(v);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

export function webhookEvents(db: Db, taskId: string): TimelineEvent[] {
  const rows = db
    .prepare(
      `SELECT id, received_at, verdict, body, headers, response_status, answered_by
       FROM captures WHERE task_id = ? ORDER BY id`,
    )
    .all(taskId) as CaptureRow[];
  return rows.map((r) => {
    let body: unknown = null;
    try {
      body = JSON.parse(r.body.toString('utf8'));
    } catch {
      // Not JSON: still on the timeline, with no state.
    }
    const n = normalizeWebhook(body);
    const e: TimelineEvent = {
      source: 'webhook',
      at: r.received_at,
      kind: 'webhook',
      captureId: r.id,
      verdict: r.verdict,
    };
    if (n.state) e.state = n.state;
    if (n.text) e.text = n.text;
    if (r.response_status !== null) e.responseStatus = r.response_status;
    const by = parseAnswer(r.answered_by);
    if (by) e.answeredBy = by;
    const attempt = attemptOf(r.headers);
    if (attempt !== undefined) e.attempt = attempt;
    return e;
  });
}

/** Lints every SSE exchange of the task from its stored frames. */
export function lintTask(
  wire: A2aWireRepo,
  taskId: string,
  frames: { row: TimelineFrameRow; meta: FrameMeta }[],
): Finding[] {
  const byExchange = new Map<number, LintFrame[]>();
  for (const { row, meta } of frames) {
    if (row.event === 'rpc-response') continue;
    const list = byExchange.get(row.exchangeId) ?? [];
    list.push(frameToLint(row, meta));
    byExchange.set(row.exchangeId, list);
  }
  const exchanges = wire.exchanges({ taskId }, 10_000);
  const out: Finding[] = lintExchanges(exchanges);
  for (const ex of exchanges) {
    if (!ex.streamKind || (ex.status !== null && ex.status >= 400)) continue;
    out.push(
      ...lintStream({
        version: (ex.protocolVersion ?? '0.3') as ProtocolVersion,
        method: ex.streamKind,
        contentType: ex.contentType,
        transport: ex.transport,
        frames: byExchange.get(ex.id) ?? [],
        ended: ex.streamEnd ?? 'open',
        truncatedTail: ex.truncatedTail,
      }),
    );
  }
  return out;
}

export function buildTimeline(
  db: Db,
  wire: A2aWireRepo,
  taskId: string,
): { events: TimelineEvent[]; findings: Finding[] } {
  const frames = wire
    .timelineFrames(taskId)
    .map((row) => ({ row, meta: row.meta ? (JSON.parse(row.meta) as FrameMeta) : {} }));
  const stream = frames.map(({ row, meta }) => frameToTimeline(row, meta));
  const webhooks = webhookEvents(db, taskId);
  const points: StreamStatePoint[] = stream.flatMap((e) =>
    e.state && e.frameId ? [{ state: e.state, frameId: e.frameId }] : [],
  );
  const findings = [
    ...lintTask(wire, taskId, frames),
    ...lintWebhooks(
      points,
      webhooks.map((w) => ({ captureId: w.captureId ?? 0, state: w.state })),
    ),
  ];
  const byFrame = new Map<number, Finding[]>();
  const byCapture = new Map<number, Finding[]>();
  for (const f of findings) {
    if (f.captureId !== undefined) push(byCapture, f.captureId, f);
    else if (f.frameId !== null) push(byFrame, f.frameId, f);
  }
  for (const e of stream)
    if (e.frameId && byFrame.has(e.frameId)) e.findings = byFrame.get(e.frameId);
  for (const e of webhooks)
    if (e.captureId && byCapture.has(e.captureId)) e.findings = byCapture.get(e.captureId);
  // Stable merge by arrival time: stream frames keep their stored order.
  const events = [...stream, ...webhooks].sort((a, b) => a.at - b.at);
  return { events, findings };
}

function push<K>(m: Map<K, Finding[]>, k: K, f: Finding): void {
  const list = m.get(k) ?? [];
  list.push(f);
  m.set(k, list);
}
