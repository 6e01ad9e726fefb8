// Re-issues the Bearer JWT of a captured webhook: same claims, the captured header segment as
// it was, fresh iat/exp/jti, signed HS256 with the configured secret (node:crypto, the compact form jose's
// SignJWT writes), read with the verifiers' decoder. Attack variants tweak the claims
// (expired, another task), the key (wrong secret) or drop the signature (`alg: none`).
import { UnsecuredJWT, type JWTPayload } from 'jose';
import { decodeJwtForDisplay } from '../../../shared/verify/index';
import { createHmac, randomUUID } from 'node:crypto';

export interface JwtTweaks {
  /** Seconds since epoch to use as "now" for iat/exp. */
  now: number;
  secret: string;
  jti?: string;
  expired?: boolean;
  taskId?: string;
  algNone?: boolean;
}

export type JwtResign =
  | { ok: true; token: string; claims: JWTPayload; note: string }
  | { ok: false; reason: string };

/** Default lifetime when the captured token had no usable iat/exp pair (the tutorial's 5 min). */
const DEFAULT_LIFETIME_SEC = 300;

export function bearerToken(authorization: string | undefined): string | null {
  const m = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)\s*$/i.exec(
    authorization ?? '',
  );
  return m?.[1] ?? null;
}

export function resignJwt(token: string, t: JwtTweaks): JwtResign {
  const decoded = decodeJwtForDisplay(token);
  if (!decoded) {
    return {
      ok: false,
      reason: 'the captured token is not a readable JWT (no JSON header with alg and JSON claims)',
    };
  }
  const header = decoded.header;
  const claims = decoded.claims as JWTPayload;
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (!t.algNone && alg !== 'HS256') {
    // Why not re-sign other algorithms: RS/ES tokens need the agent's private key, which
    // Switchboard never holds; switching them to HS256 would test something else.
    return {
      ok: false,
      reason: `token is ${alg || 'unsigned'}; only HS256 tokens can be re-signed`,
    };
  }
  if (!t.algNone && !t.secret) {
    return { ok: false, reason: 'no JWT secret configured (Settings > JWT secret)' };
  }
  const fractional = [claims.iat, claims.exp].some(
    (v) => typeof v === 'number' && !Number.isInteger(v),
  );
  const lifetime =
    typeof claims.iat === 'number' && typeof claims.exp === 'number' && claims.exp > claims.iat
      ? claims.exp - claims.iat
      : DEFAULT_LIFETIME_SEC;
  const iat = t.expired ? t.now - 2 * lifetime - 3600 : t.now;
  const round = (v: number) => (fractional ? Math.round(v * 1000) / 1000 : Math.floor(v));
  const next: JWTPayload = {
    ...claims,
    iat: round(iat),
    exp: round(iat + lifetime),
    jti: t.jti ?? randomUUID(),
  };
  if (claims.nbf !== undefined) next.nbf = round(iat);
  if (t.taskId !== undefined) next.taskId = t.taskId;

  if (t.algNone) {
    return {
      ok: true,
      token: new UnsecuredJWT(next).encode(),
      claims: next,
      note: 'alg none, no signature',
    };
  }
  // The header is already HS256: its segment is sent as the agent wrote it, byte for byte.
  const input = `${token.slice(0, token.indexOf('.'))}.${Buffer.from(JSON.stringify(next)).toString('base64url')}`;
  const signed = `${input}.${createHmac('sha256', t.secret).update(input).digest('base64url')}`;
  return {
    ok: true,
    token: signed,
    claims: next,
    note: `iat ${next.iat}, exp ${next.exp}, jti ${next.jti}`,
  };
}
