// Turns jose's verification errors into details a user acts on: which claim, by how much,
// which setting or key server to look at.
import { errors } from 'jose';
import type { Settings } from '../model';
import { seconds } from './check-result';
import { KeyResolutionError } from './jwt-keys';
import { JWKS_TIMEOUT_MS } from './jwks-cache';
import { errorText } from '../error-text';

export interface ErrorContext {
  claims: Record<string, unknown>;
  header: Record<string, unknown>;
  settings: Settings;
  /** Judged-at time in unix seconds. */
  atSec: number;
  source: string;
}

function claimText(value: unknown): string {
  return value === undefined ? 'none' : JSON.stringify(value);
}

function describeClaim(err: errors.JWTClaimValidationFailed, c: ErrorContext): string {
  const { claim, reason } = err;
  const tolerance = `clock tolerance is ${seconds(c.settings.clockToleranceSec)}`;
  if (reason === 'missing') {
    return `The token has no "${claim}" claim, but one is required by the "${claim === 'iss' ? 'jwtIssuer' : 'jwtAudience'}" setting.`;
  }
  if (reason === 'invalid')
    return `The "${claim}" claim ${claimText(c.claims[claim])} is not a number of seconds.`;
  if (claim === 'exp' && typeof c.claims.exp === 'number') {
    return `The token expired ${seconds(c.atSec - c.claims.exp)} before it was received; ${tolerance}.`;
  }
  if (claim === 'nbf' && typeof c.claims.nbf === 'number') {
    return `The token is not valid yet: nbf is ${seconds(c.claims.nbf - c.atSec)} after it was received; ${tolerance}.`;
  }
  if (claim === 'iss') {
    return `Issuer ${claimText(c.claims.iss)} is not the configured "${c.settings.jwtIssuer}" (jwtIssuer).`;
  }
  if (claim === 'aud') {
    return `Audience ${claimText(c.claims.aud)} does not include the configured "${c.settings.jwtAudience}" (jwtAudience).`;
  }
  return `Claim "${claim}" failed: ${err.message}.`;
}

function describeKeyError(original: unknown, c: ErrorContext): string {
  const url = c.settings.jwksUrl;
  const kid = typeof c.header.kid === 'string' ? `kid "${c.header.kid}"` : 'no kid';
  if (original instanceof errors.JWKSNoMatchingKey) {
    return `No key in the JWKS at ${url} matches the token (${kid}, alg ${String(c.header.alg)}): the agent signs with a key it does not publish there, or rotated keys.`;
  }
  if (original instanceof errors.JWKSMultipleMatchingKeys) {
    return `Several keys in the JWKS at ${url} match a token with ${kid}: the agent must set "kid".`;
  }
  if (original instanceof errors.JWKSTimeout) {
    return `The JWKS at ${url} did not answer within ${JWKS_TIMEOUT_MS / 1000} s.`;
  }
  const cause =
    original instanceof Error && original.cause instanceof Error
      ? ` (${original.cause.message})`
      : '';
  const message = errorText(original);
  return `Could not load the JWKS from ${url}: ${message}${cause}. Check "jwksUrl" and that the key server is up.`;
}

export function describeJwtError(err: unknown, c: ErrorContext): string {
  if (err instanceof KeyResolutionError) return describeKeyError(err.original, c);
  if (err instanceof errors.JWTClaimValidationFailed || err instanceof errors.JWTExpired) {
    return describeClaim(err, c);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) {
    const fix =
      c.source === 'jwtSecret'
        ? 'the agent signs with another secret than "jwtSecret"'
        : 'the key does not match';
    return `The signature does not verify with ${c.source}: ${fix}, or the token was altered.`;
  }
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid) {
    return `The token is malformed: ${err.message}.`;
  }
  return `The token could not be verified: ${errorText(err)}.`;
}
