// Pure helpers of the timeline view. Each event becomes a row view ONCE, when it arrives (a
// page from the engine or a live event), with every display string precomputed: time (in both
// clock formats of Settings › Display), gap before it, label, the state segment in force (the
// last state seen on the stream lane). Rows in the DOM only read these fields, so scrolling
// formats nothing and parses nothing.
import type { TaskState, TimelineEvent } from '../../shared/a2a/types';
import { describeAnswer } from '../../shared/model';
import { clockTime } from '../lib/format';

export interface TimelineRowView {
  /** Stable identity: frame id (stream) or capture id (webhook). */
  key: string;
  event: TimelineEvent;
  /** Arrival time in each clock format (the Display setting picks one at render). */
  time: string;
  time12: string;
  gap: string;
  longGap: boolean;
  /** State in force on the stream lane at this row (colours the segment bar). */
  segment: TaskState | null;
  label: string;
  /** Everything the row says, in one line (its tooltip). */
  title: string;
}

/** What the next row needs to know about the rows before it. */
export interface RowContext {
  at: number | null;
  segment: TaskState | null;
}

/** A gap worth marking in the UI (a pause in the stream). */
export const LONG_GAP_MS = 2000;

export function formatGap(ms: number | null): string {
  if (ms === null) return '';
  if (ms < 1000) return `+${Math.round(ms)} ms`;
  if (ms < 60_000) return `+${(ms / 1000).toFixed(1)} s`;
  return `+${Math.round(ms / 60_000)} min`;
}

export function eventLabel(e: TimelineEvent): string {
  if (e.source === 'webhook') return e.attempt ? `webhook #${e.attempt}` : 'webhook';
  if (e.note) return e.note;
  if (e.kind === 'artifact-update') return e.artifact?.lastChunk ? 'artifact (last)' : 'artifact';
  return e.kind;
}

export function eventKey(e: TimelineEvent, fallback: number): string {
  if (e.frameId !== undefined) return `f${e.frameId}`;
  if (e.captureId !== undefined) return `c${e.captureId}`;
  return `i${fallback}`;
}

/** Row views of consecutive events; `ctx` is advanced past them (so it can be reused). */
export function toRowViews(
  events: TimelineEvent[],
  ctx: RowContext,
  firstIndex = 0,
): TimelineRowView[] {
  const out: TimelineRowView[] = new Array<TimelineRowView>(events.length);
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as TimelineEvent;
    if (e.source === 'stream' && e.state) ctx.segment = e.state;
    const gapMs = ctx.at === null ? null : e.at - ctx.at;
    out[i] = {
      key: eventKey(e, firstIndex + i),
      event: e,
      time: clockTime(e.at, '24h'),
      time12: clockTime(e.at, '12h'),
      gap: formatGap(gapMs),
      longGap: gapMs !== null && gapMs > LONG_GAP_MS,
      segment: ctx.segment,
      label: eventLabel(e),
      title: rowTitle(e),
    };
    ctx.at = e.at;
  }
  return out;
}

/** The row's full text for its tooltip: label, state, verdict, the receiver's answer, text. */
export function rowTitle(e: TimelineEvent): string {
  const parts = [eventLabel(e)];
  if (e.state) parts.push(e.state);
  if (e.verdict) parts.push(e.verdict.toUpperCase());
  if (e.responseStatus !== undefined)
    parts.push(`answered ${describeAnswer(e.responseStatus, e.answeredBy)}`);
  if (e.text) parts.push(e.text);
  return parts.join(' · ');
}
