// Formatting for display: sizes, clock times, dates and "3 min ago" style relative times.
// Pure functions (the current time is a parameter) so they are unit-tested without clocks.

export { formatSize } from '../../shared/format-size';

/** Exact size with thousands separators, e.g. "12,345 bytes". */
export function exactSize(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} ${bytes === 1 ? 'byte' : 'bytes'}`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The app's two clock formats (a Display setting): 24 h (default) or 12 h, both with ms. */
export const CLOCK_FORMATS = ['24h', '12h'] as const;
export type ClockFormat = (typeof CLOCK_FORMATS)[number];

/** Local wall-clock time with milliseconds: 14:03:27.512, or 2:03:27.512 PM in 12 h. */
export function clockTime(ms: number, clock: ClockFormat = '24h'): string {
  const d = new Date(ms);
  const rest = `${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  const h = d.getHours();
  if (clock === '24h') return `${pad(h)}:${rest}`;
  return `${h % 12 === 0 ? 12 : h % 12}:${rest} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Local date and time: 2026-11-25 14:03:27.512 (the clock part follows `clock`). */
export function localDateTime(ms: number, clock: ClockFormat = '24h'): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${clockTime(ms, clock)}`;
}

function span(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.round(s / 3600);
  if (h < 48) return `${h} h`;
  return `${Math.round(s / 86400)} d`;
}

/** "3 min ago" / "in 2 h" relative to `nowMs`. */
export function relativeTime(ms: number, nowMs: number): string {
  const diff = (ms - nowMs) / 1000;
  if (Math.abs(diff) < 1) return 'now';
  return diff < 0 ? `${span(diff)} ago` : `in ${span(diff)}`;
}

/** For a JWT `exp` in seconds: "expired 3 min ago" or "expires in 4 min". */
export function expiryPhrase(expSec: number, nowMs: number): string {
  const ms = expSec * 1000;
  return ms <= nowMs ? `expired ${relativeTime(ms, nowMs)}` : `expires ${relativeTime(ms, nowMs)}`;
}
