// Turns one raw SSE frame into its stored row (parsed kind, state, text, meta) and back into a
// timeline event or a linter input, so the timeline never re-parses stored frames. Frames that
// are not JSON / not JSON-RPC are kept with the problem in `meta`; nothing is dropped.
import { parseFrame, type LintFrame } from '../../../shared/a2a/lint';
import type { Finding, NormalizedEvent, TimelineEvent } from '../../../shared/a2a/types';
import type { NewFrame, TimelineFrameRow } from '../store/a2a-wire-repo';
import type { TransportFrame } from './transport/types';

export interface FrameMeta {
  final?: boolean;
  artifact?: NormalizedEvent['artifact'];
  error?: NormalizedEvent['error'];
  /** Result shape and the ids the event itself names (for the linter). */
  shape?: NormalizedEvent['shape'];
  taskId?: string;
  contextId?: string;
  /** Parse problem found at ingest (invalid-json / not-jsonrpc finding). */
  problem?: Finding;
  parseError?: string;
  truncated?: boolean;
  /** Why a non-streamed answer was fetched (shown as the row's label). */
  note?: string;
}

export function frameRow(
  exchangeId: number,
  taskId: string | null,
  f: TransportFrame,
): { row: NewFrame; event: NormalizedEvent | null; meta: FrameMeta } {
  const data = f.message?.data ?? null;
  // HTTP+JSON and gRPC frames come parsed by their transport (not JSON-RPC envelopes).
  const { event, finding } =
    data === null && !f.parsed
      ? {}
      : parseFrame({ id: 0, data, ...(f.parsed ? { parsed: f.parsed } : {}) });
  const meta: FrameMeta = {};
  if (event) {
    meta.shape = event.shape;
    if (event.final !== undefined) meta.final = event.final;
    if (event.artifact) meta.artifact = event.artifact;
    if (event.error) meta.error = event.error;
    if (event.taskId) meta.taskId = event.taskId;
    if (event.contextId) meta.contextId = event.contextId;
  }
  if (finding) {
    meta.problem = finding;
    if (finding.rule === 'invalid-json') meta.parseError = finding.message;
  }
  return {
    event: event ?? null,
    meta,
    row: {
      exchangeId,
      taskId: taskId ?? event?.taskId ?? null,
      at: f.at,
      raw: f.raw,
      event: f.message?.event ?? null,
      data,
      kind: event?.kind ?? null,
      state: event?.state ?? null,
      text: event?.text ?? (meta.error ? meta.error.message : null),
      meta: Object.keys(meta).length ? JSON.stringify(meta) : null,
    },
  };
}

function metaOf(f: Pick<TimelineFrameRow, 'meta'>): FrameMeta {
  return f.meta ? (JSON.parse(f.meta) as FrameMeta) : {};
}

export function frameToTimeline(f: TimelineFrameRow, meta: FrameMeta = metaOf(f)): TimelineEvent {
  const e: TimelineEvent = {
    source: 'stream',
    at: f.at,
    kind: f.kind ?? (meta.problem ? 'error' : 'unknown'),
    frameId: f.id,
    exchangeId: f.exchangeId,
  };
  if (f.state) e.state = f.state;
  if (f.text) e.text = f.text;
  else if (meta.problem) e.text = `Invalid frame: ${meta.problem.message}`;
  if (meta.final !== undefined) e.final = meta.final;
  if (meta.artifact) e.artifact = meta.artifact;
  if (meta.note) e.note = meta.note;
  return e;
}

/** The linter's view of a stored frame, rebuilt from its columns (no JSON.parse of data). */
export function frameToLint(f: TimelineFrameRow, meta: FrameMeta = metaOf(f)): LintFrame {
  if (!f.kind)
    return {
      id: f.id,
      data: null,
      parsed: { event: null, ...(meta.problem ? { problem: meta.problem } : {}) },
    };
  const event: NormalizedEvent = { kind: f.kind, shape: meta.shape ?? 'unknown' };
  if (meta.taskId) event.taskId = meta.taskId;
  if (meta.contextId) event.contextId = meta.contextId;
  if (f.state) event.state = f.state;
  if (meta.final !== undefined) event.final = meta.final;
  if (meta.artifact) event.artifact = meta.artifact;
  if (meta.error) event.error = meta.error;
  // A frame may carry an event and a finding (e.g. an HTTP+JSON frame of the other shape).
  return {
    id: f.id,
    data: null,
    parsed: { event, ...(meta.problem ? { problem: meta.problem } : {}) },
  };
}
