// One jose remote JWKS resolver per URL (and per injected fetch), so keys are fetched once and
// refreshed by jose's own rules (cache max age, cooldown before refetching on an unknown kid).
import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import type { JwksFetch } from './types';

const MAX_URLS = 8;
/** Bounded wait for a JWKS: a slow key server must not stall verification of a capture. */
export const JWKS_TIMEOUT_MS = 5000;

const defaultCache = new Map<string, JWTVerifyGetKey>();
const injectedCaches = new WeakMap<JwksFetch, Map<string, JWTVerifyGetKey>>();

function cacheFor(fetchJwks: JwksFetch | undefined): Map<string, JWTVerifyGetKey> {
  if (!fetchJwks) return defaultCache;
  let cache = injectedCaches.get(fetchJwks);
  if (!cache) {
    cache = new Map();
    injectedCaches.set(fetchJwks, cache);
  }
  return cache;
}

/** The resolver for `url`; throws a TypeError when the URL is not a valid http(s) URL. */
export function jwksResolver(url: string, fetchJwks?: JwksFetch): JWTVerifyGetKey {
  const cache = cacheFor(fetchJwks);
  const cached = cache.get(url);
  if (cached) return cached;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new TypeError(`"${parsed.protocol}" is not http or https`);
  }
  const resolver = createRemoteJWKSet(parsed, {
    timeoutDuration: JWKS_TIMEOUT_MS,
    ...(fetchJwks ? { [customFetch]: fetchJwks } : {}),
  });
  if (cache.size >= MAX_URLS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(url, resolver);
  return resolver;
}
