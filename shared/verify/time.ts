// Time helpers shared by the timestamp, Standard Webhooks and JWT checks: the moment a capture
// is judged at, unix-seconds parsing, and the wording of a clock skew.
import { seconds } from './check-result';
import type { VerifyContext, VerifyInput } from './types';

/**
 * The moment checks are judged at: when the request arrived, so re-verifying an old capture
 * later gives the same answer. Falls back to the context clock for unusable input.
 */
export function judgedAt(input: VerifyInput, ctx: VerifyContext): number {
  if (Number.isFinite(input.receivedAt) && input.receivedAt > 0) return input.receivedAt;
  return (ctx.now ?? Date.now)();
}

/** Unix seconds (integer or decimal), or null when the text is not a number. */
export function parseUnixSeconds(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : null;
}

export interface SkewVerdict {
  ok: boolean;
  detail: string;
}

/** Judges a signing time against a window, in words: "received 412 s after it was signed". */
export function judgeSkew(signedSec: number, atMs: number, windowSec: number): SkewVerdict {
  const skew = atMs / 1000 - signedSec;
  const window = `window is ${seconds(windowSec)}`;
  if (Math.abs(skew) < 0.5)
    return { ok: true, detail: `received the second it was signed; ${window}` };
  // A 13-digit value is a millisecond clock: say so rather than report a skew of decades.
  const msHint =
    signedSec > 1e11 && Math.abs(atMs - signedSec) / 1000 <= windowSec
      ? ' (the value looks like milliseconds; it must be unix seconds)'
      : '';
  const text =
    skew >= 0
      ? `received ${seconds(skew)} after it was signed`
      : `signed ${seconds(-skew)} in the future (is the sender's clock ahead?)`;
  return { ok: Math.abs(skew) <= windowSec, detail: `${text}; ${window}${msHint}` };
}
