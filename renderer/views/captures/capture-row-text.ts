// The display strings of one capture row, computed once per summary object and clock format
// (a WeakMap: a summary replaced by an update gets new strings, a dropped one is collected). A row
// scrolled back into view formats nothing again.
import type { CaptureSummary } from '../../../shared/model';
import { clockTime, formatSize, localDateTime, type ClockFormat } from '../../lib/format';

export interface CaptureRowText {
  time: string;
  timeTitle: string | undefined;
  methodClass: string;
  size: string;
}

const cache = new WeakMap<CaptureSummary, Partial<Record<ClockFormat, CaptureRowText>>>();

export function captureRowText(c: CaptureSummary, clock: ClockFormat): CaptureRowText {
  let byClock = cache.get(c);
  if (!byClock) cache.set(c, (byClock = {}));
  const hit = byClock[clock];
  if (hit) return hit;
  const text: CaptureRowText = {
    time: clockTime(c.importedAt ?? c.receivedAt, clock),
    timeTitle: c.importedAt
      ? `Imported ${localDateTime(c.importedAt, clock)}; originally sent ${localDateTime(c.receivedAt, clock)}`
      : undefined,
    methodClass: `cell cell-method mono method-${c.method.toLowerCase()}`,
    size: formatSize(c.size),
  };
  byClock[clock] = text;
  return text;
}
