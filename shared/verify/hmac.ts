// HMAC-SHA256 over WebCrypto (or the host's synchronous crypto when given), the constant-time
// string compare, and the Standard Webhooks key rule. Verifiers and the replay/demo signers share these so both apply the same byte rules.
import { fromBase64, toBase64, toBytes, toHex, utf8 } from './bytes';
import type { SyncCrypto } from './sync-crypto';

const subtle = globalThis.crypto.subtle;
const KEY_CACHE_LIMIT = 32;
// Why: importing a key per request costs more than the HMAC itself on small bodies; the cache
// holds only CryptoKeys for secrets already held in settings, keyed by those same secrets.
const keyCache = new Map<string, Promise<CryptoKey>>();

/** WebCrypto wants an ArrayBuffer-backed view; copy when the bytes sit on another buffer. */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer
    ? (bytes as Uint8Array<ArrayBuffer>)
    : new Uint8Array(bytes);
}

function importHmacKey(key: Uint8Array): Promise<CryptoKey> {
  const cacheId = toBase64(key);
  const cached = keyCache.get(cacheId);
  if (cached) return cached;
  // HMAC pads keys with zeros to the block size, so an empty key equals 64 zero bytes;
  // WebCrypto refuses zero-length keys, Python's hmac accepts them.
  const raw = key.length === 0 ? new Uint8Array(64) : bufferSource(key);
  const imported = subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  if (keyCache.size >= KEY_CACHE_LIMIT) {
    const oldest = keyCache.keys().next().value;
    if (oldest !== undefined) keyCache.delete(oldest);
  }
  keyCache.set(cacheId, imported);
  return imported;
}

export async function hmacSha256(
  key: Uint8Array,
  data: Uint8Array | string,
  crypto?: SyncCrypto,
): Promise<Uint8Array> {
  if (crypto) return crypto.hmacSha256(key, data);
  const cryptoKey = await importHmacKey(key);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, bufferSource(toBytes(data))));
}

/** Lower-case hex HMAC with a text secret (UTF-8 bytes), like Python's `hexdigest()`. */
export async function hmacSha256Hex(
  secret: string,
  data: Uint8Array | string,
  crypto?: SyncCrypto,
): Promise<string> {
  if (crypto) return crypto.hmacSha256Hex(secret, data);
  return toHex(await hmacSha256(utf8(secret), data));
}

export async function hmacSha256Base64(
  key: Uint8Array,
  data: Uint8Array | string,
  crypto?: SyncCrypto,
): Promise<string> {
  return toBase64(await hmacSha256(key, data, crypto));
}

export async function sha256Hex(data: Uint8Array | string, crypto?: SyncCrypto): Promise<string> {
  if (crypto) return crypto.sha256Hex(data);
  return toHex(new Uint8Array(await subtle.digest('SHA-256', bufferSource(toBytes(data)))));
}

/**
 * Standard Webhooks secrets look like `whsec_<base64>`: the key is the decoded base64. Any other
 * string is used as its UTF-8 bytes. Throws when the part after `whsec_` is not base64.
 */
export function standardWebhooksKey(secret: string): Uint8Array {
  if (!secret.startsWith('whsec_')) return utf8(secret);
  const key = fromBase64(secret.slice('whsec_'.length));
  if (!key) throw new Error('the Standard Webhooks secret is not valid base64 after "whsec_"');
  return key;
}

/**
 * Compares two strings in time that depends only on their length.
 * Why: an early-exit compare leaks how many leading characters of a guessed signature are
 * right. Lengths are public (a signature's length is fixed by its scheme), so unequal lengths
 * may return at once.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
