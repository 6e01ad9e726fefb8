// Runs every check on one captured request and returns one Check per CheckId, in CHECK_IDS
// order. A check that throws becomes a failed check with the reason: one bad rule never loses
// the others, and verification never rejects.
import { CHECK_IDS, type Check, type CheckId, type Settings } from '../model';
import { fail } from './check-result';
import { checkGithubSignature, checkHmacSha256 } from './check-hex-signature';
import { checkJti } from './check-jti';
import { checkJwt } from './check-jwt';
import { checkNotificationToken } from './check-notification-token';
import { checkStandardWebhooks } from './check-standard-webhooks';
import { checkTimestamp } from './check-timestamp';
import type { VerifyContext, VerifyInput } from './types';
import { errorText } from '../error-text';

type Runner = (
  input: VerifyInput,
  settings: Settings,
  ctx: VerifyContext,
) => Check | Promise<Check>;

const RUNNERS: Record<CheckId, Runner> = {
  'hmac-sha256': checkHmacSha256,
  jwt: checkJwt,
  timestamp: checkTimestamp,
  'jti-replay': (input, _settings, ctx) => checkJti(input, ctx),
  'notification-token': (input, settings, ctx) => checkNotificationToken(input, settings, ctx),
  'standard-webhooks': checkStandardWebhooks,
  'github-signature': checkGithubSignature,
};

/** One check alone (a host that splits the checks across threads). */
export async function verifyCheck(
  id: CheckId,
  input: VerifyInput,
  settings: Settings,
  ctx: VerifyContext,
): Promise<Check> {
  try {
    const check = await RUNNERS[id](input, settings, ctx);
    return check.id === id ? check : { ...check, id };
  } catch (err) {
    const reason = errorText(err);
    return fail(id, `This check could not run: ${reason}.`);
  }
}

export function verifyCapture(
  input: VerifyInput,
  settings: Settings,
  ctx: VerifyContext,
): Promise<Check[]> {
  return Promise.all(CHECK_IDS.map((id) => verifyCheck(id, input, settings, ctx)));
}
