// Pure helpers of the timeline view: which state segment each row belongs to (the state in
// force at that moment on the stream), the gap before it, and a short label per event.
import type { TaskState, TimelineEvent } from '../../../shared/a2a/types';

export interface TimelineRow {
  event: TimelineEvent;
  /** State in force on the stream lane at this row (colours the segment bar). */
  segment: TaskState | null;
  /** ms since the previous row (null for the first). */
  gapMs: number | null;
  /** True on the first row of a new state segment. */
  segmentStart: boolean;
}

export function toRows(events: TimelineEvent[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let segment: TaskState | null = null;
  let prevAt: number | null = null;
  for (const event of events) {
    const before = segment;
    if (event.source === 'stream' && event.state) segment = event.state;
    rows.push({
      event,
      segment,
      gapMs: prevAt === null ? null : event.at - prevAt,
      segmentStart: segment !== before,
    });
    prevAt = event.at;
  }
  return rows;
}

export function formatGap(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(1)} s`;
  return `+${Math.round(ms / 60_000)} min`;
}

/** A gap worth marking in the UI (a pause in the stream). */
export const LONG_GAP_MS = 2000;

export function eventLabel(e: TimelineEvent): string {
  if (e.source === 'webhook') return 'webhook';
  if (e.kind === 'artifact-update') return e.artifact?.lastChunk ? 'artifact (last)' : 'artifact';
  return e.kind;
}
