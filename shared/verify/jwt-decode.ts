// Decodes compact JWTs without verifying them: for display, for choosing the key (alg, kid)
// and for reading `jti`. Nothing decoded here is trusted until the jwt check verifies it.
import type { HeaderPair } from '../model';
import { decodeUtf8Lossy, fromBase64Url } from './bytes';
import { parseAuthorization } from './headers';

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** The claims segment decoded with no replacement character: a strict UTF-8 decode would
   *  read the same claims (verification then need not decode them again). */
  claimsExactUtf8?: boolean;
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function decodeSegment(segment: string): { value: Record<string, unknown>; exact: boolean } | null {
  const bytes = fromBase64Url(segment);
  if (!bytes) return null;
  try {
    const text = decodeUtf8Lossy(bytes);
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? { value, exact: !text.includes('\uFFFD') } : null;
  } catch {
    return null;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Why: the checks of one webhook decode the same Authorization value up to three times; the
// last token's result is kept (shared read-only by its callers).
let lastToken: string | null = null;
let lastDecoded: DecodedJwt | null = null;

/** Header and claims of a compact JWS, or null when the token is not one. No verification. */
export function decodeJwtForDisplay(token: string): DecodedJwt | null {
  if (token !== lastToken) {
    lastDecoded = decodeJwt(token);
    lastToken = token;
  }
  return lastDecoded;
}

function decodeJwt(token: string): DecodedJwt | null {
  const trimmed = token.trim();
  if (!JWT_SHAPE.test(trimmed)) return null;
  const [headerPart = '', claimsPart = ''] = trimmed.split('.');
  const header = decodeSegment(headerPart)?.value;
  const claims = decodeSegment(claimsPart);
  if (!header || !claims || typeof header.alg !== 'string') return null;
  return { header, claims: claims.value, claimsExactUtf8: claims.exact };
}

export interface BearerJwt extends DecodedJwt {
  token: string;
}

/** The JWT carried as `Authorization: Bearer <jwt>`, or null when there is none. (The jwt,
 *  jti-replay and notification-token checks all ask: decodeJwtForDisplay keeps the last result.) */
export function bearerJwt(headers: HeaderPair[]): BearerJwt | null {
  const auth = parseAuthorization(headers);
  if (!auth || auth.scheme.toLowerCase() !== 'bearer') return null;
  const decoded = decodeJwtForDisplay(auth.credentials);
  return decoded ? { ...decoded, token: auth.credentials } : null;
}
