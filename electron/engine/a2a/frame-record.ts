// Turns one raw SSE frame into its stored row (parsed kind, state, text, meta) and a timeline
// event. Frames that are not JSON are kept with a parse error in `meta`; nothing is dropped.
import { normalizeEnvelope } from '../../../shared/a2a/normalize';
import type { NormalizedEvent, TimelineEvent } from '../../../shared/a2a/types';
import type { FrameRow, NewFrame } from '../store/a2a-wire-repo';
import type { RawFrame } from './sse-frames';

export interface FrameMeta {
  final?: boolean;
  artifact?: NormalizedEvent['artifact'];
  error?: NormalizedEvent['error'];
  parseError?: string;
  truncated?: boolean;
}

export function parseFrameData(data: string | null): {
  event: NormalizedEvent | null;
  parseError?: string;
} {
  if (data === null) return { event: null };
  try {
    return { event: normalizeEnvelope(JSON.parse(data)) };
  } catch (err) {
    return { event: null, parseError: (err as Error).message };
  }
}

export function frameRow(
  exchangeId: number,
  taskId: string | null,
  f: RawFrame,
): { row: NewFrame; event: NormalizedEvent | null } {
  const data = f.message?.data ?? null;
  const { event, parseError } = parseFrameData(data);
  const meta: FrameMeta = {};
  if (event?.final !== undefined) meta.final = event.final;
  if (event?.artifact) meta.artifact = event.artifact;
  if (event?.error) meta.error = event.error;
  if (parseError) meta.parseError = parseError;
  return {
    event,
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

export function frameToTimeline(f: FrameRow): TimelineEvent {
  const meta = f.meta ? (JSON.parse(f.meta) as FrameMeta) : {};
  const e: TimelineEvent = {
    source: 'stream',
    at: f.at,
    kind: f.kind ?? (meta.parseError ? 'error' : 'unknown'),
    frameId: f.id,
    exchangeId: f.exchangeId,
  };
  if (f.state) e.state = f.state;
  if (f.text) e.text = f.text;
  else if (meta.parseError) e.text = `Invalid frame: ${meta.parseError}`;
  if (meta.final !== undefined) e.final = meta.final;
  if (meta.artifact) e.artifact = meta.artifact;
  return e;
}
