// Check `timestamp`: X-A2A-Timestamp (tutorial) or webhook-timestamp (Standard Webhooks) must be
// within the configured window of the moment the request was received.
import type { Check, Settings } from '../model';
import { fail, pass, skip } from './check-result';
import { headerValue } from './headers';
import { judgeSkew, judgedAt, parseUnixSeconds } from './time';
import type { VerifyContext, VerifyInput } from './types';

const ID = 'timestamp';

export function checkTimestamp(input: VerifyInput, settings: Settings, ctx: VerifyContext): Check {
  const a2a = headerValue(input.headers, 'X-A2A-Timestamp');
  const header = a2a !== undefined ? 'X-A2A-Timestamp' : 'webhook-timestamp';
  const value = a2a ?? headerValue(input.headers, 'webhook-timestamp');
  if (value === undefined) {
    return skip(
      ID,
      'No X-A2A-Timestamp or webhook-timestamp header: the sender did not say when it signed.',
    );
  }
  const at = judgedAt(input, ctx);
  const signedSec = parseUnixSeconds(value);
  if (signedSec === null) {
    const example = Math.floor(at / 1000);
    return fail(
      ID,
      `${header} "${value}" is not a number: it must be unix seconds, e.g. ${example}.`,
    );
  }
  // Why: a bounded window limits how long a captured request can be replayed.
  const skew = judgeSkew(signedSec, at, settings.timestampWindowSec);
  const diagnosis = { header, value, windowSec: String(settings.timestampWindowSec) };
  return skew.ok
    ? pass(ID, `${header}: ${skew.detail}.`)
    : fail(
        ID,
        `${header} is outside the window: ${skew.detail}. A stale or replayed request, or a wrong clock.`,
        diagnosis,
      );
}
