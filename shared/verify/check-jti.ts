// Check `jti-replay`: a JWT id seen on an earlier capture marks this request as a replay. The
// token is only decoded here; whether it is genuine is the jwt check's answer.
import type { Check } from '../model';
import { fail, pass, skip } from './check-result';
import { bearerJwt } from './jwt-decode';
import type { VerifyContext, VerifyInput } from './types';

const ID = 'jti-replay';

export async function checkJti(input: VerifyInput, ctx: VerifyContext): Promise<Check> {
  const jwt = bearerJwt(input.headers);
  if (!jwt) return skip(ID, 'No Bearer JWT: there is no token id to check for replays.');
  const { jti } = jwt.claims;
  if (jti === undefined) {
    return skip(ID, 'The JWT has no jti claim: replays of this token cannot be detected.');
  }
  if (typeof jti !== 'string' || jti === '') {
    return fail(ID, `The JWT's jti claim ${JSON.stringify(jti)} is not a non-empty string.`);
  }
  // Why: a signed token stays valid until exp; only remembering its id stops a captured
  // request from being replayed inside that time.
  const earlier = await ctx.rememberJti(jti);
  if (earlier !== null) return jtiReplayed(jti, earlier);
  return pass(ID, `jti ${jti} is seen for the first time.`);
}

/** The failed check for a jti an earlier capture used (also applied when the engine learns it
 *  only inside the capture's write). */
export function jtiReplayed(jti: string, earlier: number): Check {
  return fail(ID, `jti ${jti} was already used by capture #${earlier} — a replayed token.`);
}
