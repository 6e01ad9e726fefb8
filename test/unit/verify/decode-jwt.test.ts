// decodeJwtForDisplay: header and claims of a compact JWS for the UI, without verification.
import { describe, expect, it } from 'vitest';
import { decodeJwtForDisplay } from '../../../shared/verify/index';
import { pyJwt, testSecret } from './verify-helpers';

describe('decodeJwtForDisplay', () => {
  it('decodes header and claims, including non-ASCII and float times', () => {
    const token = pyJwt({ sub: 'café', iat: 1.5 }, testSecret());
    expect(decodeJwtForDisplay(token)).toEqual({
      header: { alg: 'HS256', typ: 'JWT' },
      claims: { sub: 'café', iat: 1.5 },
      claimsExactUtf8: true,
    });
  });

  it('says when the claims were not valid UTF-8 (verification then decodes them strictly)', () => {
    const claims = Buffer.concat([Buffer.from('{"sub":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    const token = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${claims.toString('base64url')}.x`;
    expect(decodeJwtForDisplay(token)).toMatchObject({
      claims: { sub: '\uFFFD' },
      claimsExactUtf8: false,
    });
  });

  it('decodes an unsigned token so the UI can show it', () => {
    const token = pyJwt({ a: 1 }, '', { alg: 'none' });
    expect(decodeJwtForDisplay(token)?.header).toEqual({ alg: 'none' });
  });

  it.each([
    ['not a token', 'hello'],
    ['two parts', 'abc.def'],
    ['non-JSON header', 'bm90IGpzb24.e30.sig'],
    [
      'array claims',
      `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('[1]').toString('base64url')}.x`,
    ],
    ['header without alg', `${Buffer.from('{"typ":"JWT"}').toString('base64url')}.e30.x`],
    ['a JWE (five parts)', 'a.b.c.d.e'],
  ])('returns null for %s', (_name, token) => {
    expect(decodeJwtForDisplay(token)).toBeNull();
  });
});
