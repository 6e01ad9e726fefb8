// Signatures the tutorial's agents put on their webhooks: X-A2A-Signature (HMAC-SHA256 of the
// exact body bytes, hex) and the enterprise agent's HS256 JWT. Secrets come from the caller
// (client-given, env or the app's generated settings) and are never logged.
import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';

export const JWT_ISSUER = 'enterprise-a2a-agent';
export const JWT_AUDIENCE = 'client-webhook';
export const JWT_LIFETIME_SEC = 5 * 60;

/** `sha256=<hex HMAC-SHA256(secret, body)>`, secret and body as UTF-8 like Python's .encode(). */
export function hmacSignature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export interface EnterpriseClaims {
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  taskId: string;
  jti: string;
}

/**
 * The tutorial's JWT: HS256, iss/aud fixed, iat and exp as float seconds (Python's
 * datetime.timestamp()), exp 5 minutes later, the task id, and a fresh jti per token so a
 * receiver can refuse replays. Why a new token per attempt: a retried delivery is a new
 * request; reusing the jti would make an honest retry look like a replay.
 */
export async function signEnterpriseJwt(
  secret: string,
  taskId: string,
  nowMs: number = Date.now(),
): Promise<{ token: string; claims: EnterpriseClaims }> {
  const iat = nowMs / 1000;
  const claims: EnterpriseClaims = {
    iss: JWT_ISSUER,
    aud: JWT_AUDIENCE,
    iat,
    exp: iat + JWT_LIFETIME_SEC,
    taskId,
    jti: randomUUID(),
  };
  const token = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
  return { token, claims };
}
