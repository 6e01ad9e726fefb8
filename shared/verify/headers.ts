// Header lookups over raw [name, value] pairs: names compare case-insensitively, the first
// occurrence wins (a later duplicate never overrides what the check reads first).
import type { HeaderPair } from '../model';
import { headerValue } from '../wire-headers';

export { headerValue };

export interface Authorization {
  /** The scheme as sent (e.g. `Bearer`), or '' when the value has no scheme part. */
  scheme: string;
  credentials: string;
}

/** Splits `Authorization: <scheme> <credentials>`; a value without a space is all credentials. */
export function parseAuthorization(headers: HeaderPair[]): Authorization | undefined {
  const raw = headerValue(headers, 'Authorization');
  if (raw === undefined) return undefined;
  const value = raw.trim();
  const match = /^(\S+)\s+(.+)$/s.exec(value);
  if (!match) return { scheme: '', credentials: value };
  return { scheme: match[1] ?? '', credentials: (match[2] ?? '').trim() };
}
