// Check `jwt`: a Bearer JWT verified with the configured secret or JWKS, its time claims judged
// at receipt, iss/aud when configured, and its binding to this notification (taskId, body hash).
import { jwtVerify, type JWTVerifyOptions } from 'jose';
import type { Check, Settings } from '../model';
import { fail, pass, seconds, skip, skipUnconfigured } from './check-result';
import { parseAuthorization } from './headers';
import { sha256Hex, timingSafeEqual } from './hmac';
import { describeJwtError } from './jwt-errors';
import { verifyHs256Sync } from './jwt-hs256';
import { chooseKey } from './jwt-keys';
import { bearerJwt, type DecodedJwt } from './jwt-decode';
import { judgedAt } from './time';
import type { VerifyContext, VerifyInput } from './types';

const ID = 'jwt';

function skipWithoutJwt(input: VerifyInput): Check {
  const auth = parseAuthorization(input.headers);
  if (!auth) return skip(ID, 'No Authorization header: the sender did not send a JWT.');
  if (auth.scheme === '') {
    return skip(
      ID,
      'Authorization has no "<scheme> <credentials>" form: no JWT to verify (see notification-token).',
    );
  }
  if (auth.scheme.toLowerCase() !== 'bearer') {
    return skip(
      ID,
      `Authorization uses the "${auth.scheme}" scheme, not Bearer: no JWT to verify (see notification-token).`,
    );
  }
  return skip(
    ID,
    'Authorization: Bearer carries a value that is not a JWT: compared by the notification-token check instead.',
  );
}

/** Binding and time checks jose does not make; null when all hold. */
async function bindingProblem(
  decoded: DecodedJwt,
  input: VerifyInput,
  atSec: number,
  settings: Settings,
  ctx: VerifyContext,
): Promise<string | null> {
  const { claims } = decoded;
  if (typeof claims.iat === 'number' && claims.iat > atSec + settings.clockToleranceSec) {
    return `The token was issued ${seconds(claims.iat - atSec)} in the future (iat); clock tolerance is ${seconds(settings.clockToleranceSec)}.`;
  }
  // Why: a token copied from another task's notification must not authenticate this one.
  if (claims.taskId !== undefined && claims.taskId !== input.taskId) {
    return input.taskId === null
      ? `The token is bound to task ${JSON.stringify(claims.taskId)} but this notification carries no task id.`
      : `The token is for task ${JSON.stringify(claims.taskId)} but this notification is about task "${input.taskId}": a token reused across tasks.`;
  }
  // A2A's sample binds the body: the token then authenticates these exact bytes only.
  if (claims.request_body_sha256 !== undefined) {
    const actual = await sha256Hex(input.body, ctx.crypto);
    if (
      typeof claims.request_body_sha256 !== 'string' ||
      !timingSafeEqual(claims.request_body_sha256.toLowerCase(), actual)
    ) {
      return "The token's request_body_sha256 does not match the SHA-256 of the body received: the body was changed or belongs to another request.";
    }
  }
  return null;
}

function checkedSummary(
  decoded: DecodedJwt,
  input: VerifyInput,
  atSec: number,
  settings: Settings,
  source: string,
): string {
  const { header, claims } = decoded;
  const parts = [`${String(header.alg)} signature valid (${source})`];
  parts.push(
    settings.jwtIssuer
      ? `iss "${settings.jwtIssuer}" checked`
      : `iss ${JSON.stringify(claims.iss ?? null)} not checked (set jwtIssuer)`,
  );
  parts.push(
    settings.jwtAudience
      ? `aud "${settings.jwtAudience}" checked`
      : `aud ${JSON.stringify(claims.aud ?? null)} not checked (set jwtAudience)`,
  );
  parts.push(
    typeof claims.exp === 'number'
      ? `exp in ${seconds(claims.exp - atSec)} at receipt`
      : 'no exp: the token never expires',
  );
  if (claims.taskId !== undefined) parts.push(`taskId matches "${String(input.taskId)}"`);
  else parts.push('no taskId claim: not bound to a task');
  if (claims.request_body_sha256 !== undefined) parts.push('request_body_sha256 matches the body');
  return `${parts.join('; ')}.`;
}

export async function checkJwt(
  input: VerifyInput,
  settings: Settings,
  ctx: VerifyContext,
): Promise<Check> {
  const jwt = bearerJwt(input.headers);
  if (!jwt) return skipWithoutJwt(input);
  const diagnosis = { header: JSON.stringify(jwt.header), claims: JSON.stringify(jwt.claims) };
  // With the host's synchronous HMAC, HS256 skips WebCrypto's key import and thread hop.
  const syncHs256 = ctx.crypto && jwt.header.alg === 'HS256' && settings.jwtSecret !== '';
  const choice = syncHs256
    ? ({ kind: 'key', key: null, alg: 'HS256', source: 'jwtSecret' } as const)
    : await chooseKey(jwt.header, settings, ctx.fetchJwks);
  if (choice.kind === 'skip')
    return skipUnconfigured(ID, `A Bearer JWT (${String(jwt.header.alg)})`, choice.setting);
  if (choice.kind === 'fail') return fail(ID, choice.detail, diagnosis);
  const at = judgedAt(input, ctx);
  const atSec = Math.floor(at / 1000);
  const options = {
    algorithms: [choice.alg],
    clockTolerance: settings.clockToleranceSec,
    currentDate: new Date(at),
    ...(settings.jwtIssuer ? { issuer: settings.jwtIssuer } : {}),
    ...(settings.jwtAudience ? { audience: settings.jwtAudience } : {}),
  } satisfies JWTVerifyOptions;
  try {
    const done =
      ctx.crypto && choice.key === null
        ? verifyHs256Sync(jwt.token, jwt, settings.jwtSecret, options, ctx.crypto)
        : null;
    if (!done) await jwtVerify(jwt.token, choice.key ?? (await hs256Key(settings)), options);
  } catch (err) {
    return fail(
      ID,
      describeJwtError(err, { ...jwt, settings, atSec, source: choice.source }),
      diagnosis,
    );
  }
  const problem = await bindingProblem(jwt, input, atSec, settings, ctx);
  if (problem) return fail(ID, problem, diagnosis);
  return pass(ID, checkedSummary(jwt, input, atSec, settings, choice.source), diagnosis);
}

/** The WebCrypto key for a token the synchronous path left to jose (one using `crit`). */
async function hs256Key(settings: Settings) {
  const choice = await chooseKey({ alg: 'HS256' }, settings, undefined);
  if (choice.kind !== 'key') throw new Error('jwtSecret is not set');
  return choice.key;
}
