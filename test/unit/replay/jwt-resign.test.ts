import { SignJWT, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { resignJwt } from '../../../electron/engine/replay/jwt-resign';

const key = (s: string) => new TextEncoder().encode(s);

describe('JWT re-signing', () => {
  it('keeps claims and header fields, refreshes iat/exp/jti with the same lifetime', async () => {
    const old = await new SignJWT({
      taskId: 't1',
      iss: 'enterprise-a2a-agent',
      aud: 'client-webhook',
      jti: 'j0',
      iat: 1000.25,
      exp: 1300.25,
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: 'k1' })
      .sign(key('s1'));
    const r = resignJwt(old, { now: 5000.5, secret: 's2' });
    if (!r.ok) throw new Error(r.reason);
    const { payload } = await jwtVerify(r.token, key('s2'), { currentDate: new Date(5001_000) });
    expect(payload).toMatchObject({
      taskId: 't1',
      iss: 'enterprise-a2a-agent',
      aud: 'client-webhook',
      iat: 5000.5,
      exp: 5300.5,
    });
    expect(payload.jti).not.toBe('j0');
    expect(decodeProtectedHeader(r.token)).toEqual({ alg: 'HS256', typ: 'JWT', kid: 'k1' });
  });

  it('signs with node:crypto byte for byte what jose SignJWT writes for the same header and claims', async () => {
    // Header fields in an order jose would not choose: the captured segment is kept as it was.
    const old = await new SignJWT({ taskId: 't1', iat: 100, exp: 400 })
      .setProtectedHeader({ typ: 'JWT', kid: 'k1', alg: 'HS256' })
      .sign(key('s1'));
    const r = resignJwt(old, { now: 9000, secret: 's2', jti: 'fixed' });
    if (!r.ok) throw new Error(r.reason);
    expect(r.token.split('.')[0]).toBe(old.split('.')[0]);
    const byJose = await new SignJWT(r.claims)
      .setProtectedHeader({ typ: 'JWT', kid: 'k1', alg: 'HS256' })
      .sign(key('s2'));
    expect(r.token).toBe(byJose);
  });

  it('builds expired, other-task and alg-none variants', async () => {
    const old = await new SignJWT({ taskId: 't1', iat: 100, exp: 400 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(key('s'));
    const expired = resignJwt(old, { now: 10_000, secret: 's', expired: true });
    expect(expired.ok && (decodeJwt(expired.token).exp ?? 0) < 10_000).toBe(true);
    const other = resignJwt(old, { now: 10_000, secret: 's', taskId: 't2' });
    expect(other.ok && decodeJwt(other.token).taskId).toBe('t2');
    const none = resignJwt(old, { now: 10_000, secret: 's', algNone: true });
    expect(none.ok && decodeProtectedHeader(none.token).alg).toBe('none');
  });

  it('refuses to re-sign asymmetric tokens', async () => {
    const fake = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.sig`;
    const r = resignJwt(fake, { now: 1, secret: 's' });
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/RS256/) as unknown });
  });
});
