// The verifiers' byte helpers against the platform: base64 and base64url decoding accept and
// refuse exactly what atob accepts (once padded), hex matches Buffer's.
import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64Url, toHex } from '../../../shared/verify/bytes';

/** The reference: atob after padding to a multiple of four, null where atob throws. */
function atobReference(text: string, url: boolean): string | null {
  if (url && !/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const std = url ? text.replace(/-/g, '+').replace(/_/g, '/') : text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(std) || std.length % 4 === 1) return null;
  try {
    const binary = atob(std.padEnd(Math.ceil(std.length / 4) * 4, '='));
    return Buffer.from(binary, 'latin1').toString('hex');
  } catch {
    return null;
  }
}

/** A deterministic pseudo-random generator, so a failure names an input that repeats. */
function* randomTexts(count: number): Generator<string> {
  const chars = 'AQgw09+/-_= \n.\u00e9';
  let seed = 7;
  for (let n = 0; n < count; n++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    let text = '';
    for (let i = 0; i < seed % 11; i++) text += chars[(seed >> (i + 3)) % chars.length];
    yield text;
  }
}

describe('fromBase64 / fromBase64Url', () => {
  it('agree with atob on 20,000 short texts, valid and not', () => {
    let valid = 0;
    for (const text of randomTexts(20_000)) {
      const std = fromBase64(text);
      expect(std && toHex(std), JSON.stringify(text)).toBe(atobReference(text, false));
      const url = fromBase64Url(text);
      expect(url && toHex(url), JSON.stringify(text)).toBe(atobReference(text, true));
      if (std) valid++;
    }
    expect(valid).toBeGreaterThan(1000); // the inputs reach the decoding path, not only refusals
  });

  it('decode what Buffer encodes, every length up to 40 bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 40 }, (_, i) => (i * 37 + 11) & 0xff));
    for (let n = 0; n <= 40; n++) {
      const part = bytes.subarray(0, n);
      expect(toHex(fromBase64(part.toString('base64'))!)).toBe(part.toString('hex'));
      expect(toHex(fromBase64Url(part.toString('base64url'))!)).toBe(part.toString('hex'));
    }
  });

  it('drop the trailing bits of a last partial group, as atob does', () => {
    expect(toHex(fromBase64('QR')!)).toBe('41');
    expect(toHex(fromBase64('QQ==')!)).toBe('41');
  });
});
