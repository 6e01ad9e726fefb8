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

// Why: the jwt and notification-token checks both decode the same Authorization value; the last
// token's result is kept (the result is shared read-only, as bearerJwt's is).
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

// Why: the jwt, jti-replay and notification-token checks each ask for the token of the same
// request; decoding it once per headers array saves two base64 + JSON decodes per webhook.
const decodedOf = new WeakMap<HeaderPair[], BearerJwt | null>();

/** The JWT carried as `Authorization: Bearer <jwt>`, or null when there is none. */
export function bearerJwt(headers: HeaderPair[]): BearerJwt | null {
  const known = decodedOf.get(headers);
  if (known !== undefined) return known;
  const auth = parseAuthorization(headers);
  const decoded =
    auth && auth.scheme.toLowerCase() === 'bearer' ? decodeJwtForDisplay(auth.credentials) : null;
  const jwt = decoded && auth ? { ...decoded, token: auth.credentials } : null;
  decodedOf.set(headers, jwt);
  return jwt;
}
