// Byte helpers for the verifiers: UTF-8, hex, base64 and base64url, with no Node built-ins
// (shared/ also runs in the renderer). Decoders return null on malformed input, never throw.

const encoder = new TextEncoder();
// Lossy on purpose: used only to look at bytes (JSON sniffing, previews), never to sign them.
const lossyDecoder = new TextDecoder('utf-8', { fatal: false });

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

export function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encoder.encode(data) : data;
}

export function decodeUtf8Lossy(bytes: Uint8Array): string {
  return lossyDecoder.decode(bytes);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!]!;
  return out;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Character code -> 6-bit value, -1 for a character outside the alphabet. */
function sextets(extra: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (const [i, ch] of [...(ALPHABET + extra)].entries()) table[ch.charCodeAt(0)] = i;
  return table;
}
const STANDARD = sextets('+/');
const URL_SAFE = sextets('-_');

/**
 * Decodes `text[0, end)` with a table lookup per character (no regex, no atob, no string per
 * byte: JWT segments and Standard Webhooks keys are decoded on every webhook). Trailing bits of a
 * last partial group are dropped, as atob does. Null when a character is outside the alphabet.
 */
function decodeSextets(text: string, end: number, table: Int8Array): Uint8Array | null {
  if (end % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? table[code]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Standard base64 (padding optional, whitespace ignored); null when the text is not base64.
 *  Accepts exactly what atob accepts once the text is padded to a multiple of four. */
export function fromBase64(text: string): Uint8Array | null {
  const clean = /\s/.test(text) ? text.replace(/\s+/g, '') : text;
  let end = clean.length;
  while (end > 0 && clean.charCodeAt(end - 1) === 0x3d && clean.length - end < 2) end--;
  const padding = clean.length - end;
  // The padding written plus the padding a multiple of four still needs: at most two.
  if (clean.length % 4 === 1 || padding + ((4 - (clean.length % 4)) % 4) > 2) return null;
  return decodeSextets(clean, end, STANDARD);
}

/** base64url without padding (JWT segments); null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  return decodeSextets(text, text.length, URL_SAFE);
}
