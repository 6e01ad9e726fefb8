// HS256 JWT verification with the host's synchronous HMAC: the signature, then the claims the
// way jose's jwtVerify judges them (same order, same error classes and messages), so
// describeJwtError words both paths alike. Tokens using `crit` are left to jose (null).
import { errors, type JWTVerifyOptions } from 'jose';
import { fromBase64Url } from './bytes';
import type { DecodedJwt } from './jwt-decode';
import type { SyncCrypto } from './sync-crypto';

type Options = Pick<JWTVerifyOptions, 'issuer' | 'audience'> & {
  clockTolerance: number;
  currentDate: Date;
};

const strict = new TextDecoder('utf-8', { fatal: true });

/** Throws jose's error for what fails; returns true when verified, null when jose must judge. */
export function verifyHs256Sync(
  token: string,
  decoded: DecodedJwt,
  secret: string,
  options: Options,
  crypto: SyncCrypto,
): true | null {
  if (decoded.header.crit !== undefined || decoded.header.b64 !== undefined) return null;
  const dot2 = token.lastIndexOf('.');
  const signature = fromBase64Url(token.slice(dot2 + 1));
  const expected = crypto.hmacSha256(secret, token.slice(0, dot2));
  if (!signature || !sameBytes(signature, expected))
    throw new errors.JWSSignatureVerificationFailed();
  // Claims the display decode read without a replacement character are what a strict decode
  // reads too: parse them again only when the payload may not be valid UTF-8.
  let claims: unknown = decoded.claimsExactUtf8 ? decoded.claims : undefined;
  try {
    if (claims === undefined) {
      const payload = fromBase64Url(token.slice(token.indexOf('.') + 1, dot2)) ?? new Uint8Array();
      claims = JSON.parse(strict.decode(payload));
    }
  } catch (cause) {
    throw new errors.JWTInvalid('JWT Claims Set must be a top-level JSON object', { cause });
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims))
    throw new errors.JWTInvalid('JWT Claims Set must be a top-level JSON object');
  judgeClaims(claims as Record<string, unknown>, options);
  return true;
}

function judgeClaims(set: Record<string, unknown>, o: Options): void {
  const failed = (message: string, claim: string, reason: string) =>
    new errors.JWTClaimValidationFailed(message, set, claim, reason);
  const required = [o.issuer !== undefined ? 'iss' : '', o.audience !== undefined ? 'aud' : ''];
  for (const claim of required)
    if (claim && !Object.hasOwn(set, claim))
      throw failed(`missing required "${claim}" claim`, claim, 'missing');
  if (o.issuer !== undefined && !([o.issuer].flat() as unknown[]).includes(set.iss))
    throw failed('unexpected "iss" claim value', 'iss', 'check_failed');
  if (o.audience !== undefined && !audiencePresent(set.aud, [o.audience].flat()))
    throw failed('unexpected "aud" claim value', 'aud', 'check_failed');
  const now = Math.floor(o.currentDate.getTime() / 1000);
  const numeric = (claim: string): number | undefined => {
    const value = set[claim];
    if (value === undefined) return undefined;
    if (typeof value !== 'number')
      throw failed(`"${claim}" claim must be a number`, claim, 'invalid');
    return value;
  };
  numeric('iat');
  const nbf = numeric('nbf');
  if (nbf !== undefined && nbf > now + o.clockTolerance)
    throw failed('"nbf" claim timestamp check failed', 'nbf', 'check_failed');
  const exp = numeric('exp');
  if (exp !== undefined && exp <= now - o.clockTolerance)
    throw new errors.JWTExpired('"exp" claim timestamp check failed', set, 'exp', 'check_failed');
}

function audiencePresent(aud: unknown, wanted: string[]): boolean {
  if (typeof aud === 'string') return wanted.includes(aud);
  return Array.isArray(aud) && wanted.some((w) => aud.includes(w));
}

/** Equal-length compare whose time does not depend on where the bytes differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
