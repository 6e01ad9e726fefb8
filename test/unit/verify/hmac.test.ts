// Signing helpers agree with node:crypto and apply the documented byte rules.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  hmacSha256Base64,
  hmacSha256Hex,
  sha256Hex,
  standardWebhooksKey,
  timingSafeEqual,
} from '../../../shared/verify/index';
import { nodeHmacHex, testSecret } from './verify-helpers';

describe('hmacSha256Hex', () => {
  it('matches node:crypto for text and bytes, including non-ASCII', async () => {
    const secret = testSecret();
    const text = 'naïve ✅ body';
    expect(await hmacSha256Hex(secret, text)).toBe(nodeHmacHex(secret, text));
    const bytes = new Uint8Array([0, 255, 10, 13, 128]);
    expect(await hmacSha256Hex(secret, bytes)).toBe(nodeHmacHex(secret, Buffer.from(bytes)));
  });

  it('accepts an empty secret like Python hmac does', async () => {
    expect(await hmacSha256Hex('', 'x')).toBe(nodeHmacHex('', 'x'));
  });

  it('signs a view on a shared buffer by its own bytes only', async () => {
    const secret = testSecret();
    const backing = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const view = backing.subarray(2, 4);
    expect(await hmacSha256Hex(secret, view)).toBe(nodeHmacHex(secret, Buffer.from([3, 4])));
  });
});

describe('hmacSha256Base64 and sha256Hex', () => {
  it('match node:crypto', async () => {
    const key = new Uint8Array([9, 8, 7, 6, 5]);
    const expected = createHmac('sha256', key).update('abc').digest('base64');
    expect(await hmacSha256Base64(key, 'abc')).toBe(expected);
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('standardWebhooksKey', () => {
  it('base64-decodes after whsec_ and keeps other secrets as UTF-8', () => {
    expect(Array.from(standardWebhooksKey('whsec_AQID'))).toEqual([1, 2, 3]);
    expect(new TextDecoder().decode(standardWebhooksKey('plain-é'))).toBe('plain-é');
  });

  it('throws a clear error for invalid base64 after the prefix', () => {
    expect(() => standardWebhooksKey('whsec_not base64!')).toThrow(/not valid base64/);
  });
});

describe('timingSafeEqual', () => {
  it('is true only for identical strings', () => {
    expect(timingSafeEqual('abc', 'abc')).toBe(true);
    expect(timingSafeEqual('abc', 'abd')).toBe(false);
    expect(timingSafeEqual('abc', 'abcd')).toBe(false);
    expect(timingSafeEqual('', '')).toBe(true);
  });
});
