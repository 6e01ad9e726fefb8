// Chooses how a Bearer JWT is verified from its header `alg`: HS256 with the jwtSecret setting,
// RS256/ES256 with a key picked by `kid` from the jwksUrl setting. Anything else is refused.
import type { JWTVerifyGetKey } from 'jose';
import type { Settings } from '../model';
import { utf8 } from './bytes';
import { bufferSource } from './hmac';
import { jwksResolver } from './jwks-cache';
import type { JwksFetch } from './types';
import { errorText } from '../error-text';

export const ASYMMETRIC_ALGS = ['RS256', 'ES256'] as const;

/** Marks errors thrown while fetching or selecting a JWKS key, to word them as such. */
export class KeyResolutionError extends Error {
  constructor(readonly original: unknown) {
    super(errorText(original));
  }
}

export type KeyChoice =
  | { kind: 'key'; key: CryptoKey | JWTVerifyGetKey; alg: string; source: string }
  | { kind: 'skip'; setting: 'jwtSecret' | 'jwksUrl' }
  | { kind: 'fail'; detail: string };

let lastSecret: { secret: string; key: Promise<CryptoKey> } | undefined;

function hmacVerifyKey(secret: string): Promise<CryptoKey> {
  // Re-importing per request is measurable under load; keep the key of the current secret.
  if (lastSecret?.secret !== secret) {
    const raw = bufferSource(utf8(secret));
    const key = globalThis.crypto.subtle.importKey(
      'raw',
      raw,
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    lastSecret = { secret, key };
  }
  return lastSecret.key;
}

export async function chooseKey(
  header: Record<string, unknown>,
  settings: Settings,
  fetchJwks: JwksFetch | undefined,
): Promise<KeyChoice> {
  const alg = typeof header.alg === 'string' ? header.alg : '';
  // Why: the accepted algorithm is pinned by the kind of key configured. Letting the token's
  // own header pick freely allows `alg: none` and HMAC-with-a-public-key confusion attacks.
  if (alg.toLowerCase() === 'none') {
    return {
      kind: 'fail',
      detail: 'The token is unsigned (alg: none): anyone could have written it. Refused.',
    };
  }
  if (alg === 'HS256') {
    if (settings.jwtSecret === '') return { kind: 'skip', setting: 'jwtSecret' };
    return { kind: 'key', key: await hmacVerifyKey(settings.jwtSecret), alg, source: 'jwtSecret' };
  }
  if ((ASYMMETRIC_ALGS as readonly string[]).includes(alg)) {
    if (settings.jwksUrl === '') return { kind: 'skip', setting: 'jwksUrl' };
    let resolver: JWTVerifyGetKey;
    try {
      resolver = jwksResolver(settings.jwksUrl, fetchJwks);
    } catch (err) {
      return {
        kind: 'fail',
        detail: `"jwksUrl" is not a usable URL (${(err as Error).message}): fix it in Settings.`,
      };
    }
    const key: JWTVerifyGetKey = async (protectedHeader, token) => {
      try {
        return await resolver(protectedHeader, token);
      } catch (err) {
        throw new KeyResolutionError(err);
      }
    };
    const kid = typeof header.kid === 'string' ? `, kid ${header.kid}` : ', no kid';
    return { kind: 'key', key, alg, source: `JWKS ${settings.jwksUrl}${kid}` };
  }
  return {
    kind: 'fail',
    detail: `alg "${alg}" is not accepted: Switchboard verifies HS256 with "jwtSecret" and ${ASYMMETRIC_ALGS.join('/')} with keys from "jwksUrl".`,
  };
}
