// Constructors for Check results and small wording helpers, so every check reads the same way.
import type { Check, CheckId } from '../model';
import { decodeUtf8Lossy } from './bytes';

export function pass(id: CheckId, detail: string, diagnosis?: Record<string, string>): Check {
  return diagnosis ? { id, status: 'pass', detail, diagnosis } : { id, status: 'pass', detail };
}

export function fail(id: CheckId, detail: string, diagnosis?: Record<string, string>): Check {
  return diagnosis ? { id, status: 'fail', detail, diagnosis } : { id, status: 'fail', detail };
}

export function skip(id: CheckId, detail: string): Check {
  return { id, status: 'skip', detail };
}

/** Skip for a check that has its inputs but no secret: name the setting to fill. */
export function skipUnconfigured(id: CheckId, what: string, setting: string): Check {
  return skip(id, `${what} is present but not checked: set "${setting}" in Settings to verify it.`);
}

/** Whole seconds, e.g. `412 s`. */
export function seconds(value: number): string {
  return `${Math.round(value)} s`;
}

/** The start of some bytes as text for a diagnosis, without decoding a large body whole. */
export function previewBytes(bytes: Uint8Array, max = 300): string {
  const text = decodeUtf8Lossy(bytes.subarray(0, max * 4));
  if (bytes.length <= max && text.length <= max) return text;
  return `${text.slice(0, max)}… (${bytes.length} bytes in all)`;
}
