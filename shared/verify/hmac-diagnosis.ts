// Works out why a hex HMAC-SHA256 signature did not match, by recomputing it over the byte
// variants senders really produce: re-serialized JSON, a trailing newline added or dropped,
// a secret pasted with whitespace, a timestamp-prefixed signed string. Runs only on failure.
import { concatBytes, decodeUtf8Lossy, utf8 } from './bytes';
import { hmacSha256Hex, timingSafeEqual } from './hmac';
import { JSON_STYLES, serializeJson } from './json-serialize';
import { parseJsonTree } from './json-tree';
import type { SyncCrypto } from './sync-crypto';

/** Bodies above this size are not re-serialized: a flood of bad signatures must stay cheap. */
const MAX_REPARSE_BYTES = 256 * 1024;

export interface DiagnosisInput {
  secret: string;
  body: Uint8Array;
  /** The received signature, lower-case hex. */
  receivedHex: string;
  /** A timestamp header sent with the request, if any. */
  timestamp?: string;
  settingName: string;
  crypto?: SyncCrypto | undefined;
}

interface Variant {
  secret: string;
  bytes: Uint8Array;
  cause: string;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function newlineVariants(secret: string, body: Uint8Array): Variant[] {
  const last = body[body.length - 1];
  if (last !== 0x0a) {
    const cause =
      'the signature matches the body plus a trailing newline: the sender signed a newline it did not send';
    return [{ secret, bytes: concatBytes(body, utf8('\n')), cause }];
  }
  const dropped = body[body.length - 2] === 0x0d ? 2 : 1;
  const cause =
    'the signature matches the body without its trailing newline: a newline was appended after signing';
  return [{ secret, bytes: body.subarray(0, body.length - dropped), cause }];
}

function jsonVariants(secret: string, body: Uint8Array): Variant[] {
  if (body.length > MAX_REPARSE_BYTES) return [];
  const tree = parseJsonTree(decodeUtf8Lossy(body));
  if (!tree || (tree.kind !== 'object' && tree.kind !== 'array')) return [];
  const variants: Variant[] = [];
  for (const style of JSON_STYLES) {
    const bytes = utf8(serializeJson(tree, style));
    if (sameBytes(bytes, body) || variants.some((v) => sameBytes(v.bytes, bytes))) continue;
    const cause = `the signature matches the body re-serialized as ${style.label}: the sender signed a re-serialized body, not the bytes it sent (sign and send the same bytes)`;
    variants.push({ secret, bytes, cause });
  }
  return variants;
}

/** Likely causes, most specific first; always at least one. */
export async function diagnoseHexSignature(input: DiagnosisInput): Promise<string[]> {
  const { secret, body, timestamp, settingName } = input;
  // Newline first: when a newline is all that differs, re-serializing also "matches".
  const variants: Variant[] = [...newlineVariants(secret, body), ...jsonVariants(secret, body)];
  if (secret.trim() !== secret && secret.trim() !== '') {
    const cause = `the signature matches when the leading/trailing whitespace of "${settingName}" is removed: fix the setting`;
    variants.push({ secret: secret.trim(), bytes: body, cause });
  }
  if (timestamp !== undefined) {
    const cause = `the signature covers "<timestamp>.<body>" (Stripe / Standard Webhooks style), not the raw body alone`;
    variants.push({ secret, bytes: concatBytes(utf8(`${timestamp}.`), body), cause });
  }
  const causes: string[] = [];
  for (const variant of variants) {
    const hex = await hmacSha256Hex(variant.secret, variant.bytes, input.crypto);
    if (timingSafeEqual(hex, input.receivedHex)) causes.push(variant.cause);
  }
  if (causes.length > 0) return causes;
  return [
    `wrong secret, most likely: no re-serialization, newline or whitespace variant matches, so the sender signs with a secret other than "${settingName}" (or the body was altered in transit)`,
  ];
}
