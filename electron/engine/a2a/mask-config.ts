// Push configs an agent returns echo the token Switchboard registered (and any authentication
// credentials). Tokens are secrets: the API shows them masked, like custom header values.
import { maskToken } from '../store/push-tokens-repo';

const SECRET_KEYS = new Set(['token', 'credentials']);

/** A copy of `value` with every string under a `token` or `credentials` key masked. */
export function maskConfigTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskConfigTokens);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      SECRET_KEYS.has(k) && typeof v === 'string' && v !== '' ? maskToken(v) : maskConfigTokens(v);
  }
  return out;
}
