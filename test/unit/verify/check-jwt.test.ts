// Check jwt with HS256 (the tutorial's tokens): claims, time, binding, refusals and skips.
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it, beforeAll } from 'vitest';
import type { Check, HeaderPair, Settings } from '../../../shared/model';
import { verifyCapture } from '../../../shared/verify/index';
import {
  NOW_SEC,
  inputWith,
  CRYPTO_PROVIDERS,
  memoryContext,
  useCrypto,
  pyJwt,
  settingsWith,
  testSecret,
  tutorialClaims,
} from './verify-helpers';

const jwtSecret = testSecret('jwt');
const taskId = 'task-7';
const tutorialSettings = settingsWith({
  jwtSecret,
  jwtIssuer: 'enterprise-a2a-agent',
  jwtAudience: 'client-webhook',
});

async function jwtCheck(
  headers: HeaderPair[],
  settings: Settings = tutorialSettings,
  body = '{}',
  id: string | null = taskId,
): Promise<Check> {
  const checks = await verifyCapture(
    inputWith(headers, body, { taskId: id }),
    settings,
    memoryContext(),
  );
  const check = checks.find((c) => c.id === 'jwt');
  if (!check) throw new Error('no jwt check');
  return check;
}

const bearer = (token: string): HeaderPair => ['Authorization', `Bearer ${token}`];

describe.each(CRYPTO_PROVIDERS)('jwt (HS256), hashed with %s', (_name, provider) => {
  beforeAll(() => useCrypto(provider));
  it('passes a PyJWT-style token with float iat/exp and says what it checked', async () => {
    const claims = tutorialClaims(taskId);
    expect(Number.isInteger(claims.iat)).toBe(false);
    const check = await jwtCheck([bearer(pyJwt(claims, jwtSecret))]);
    expect(check.status).toBe('pass');
    expect(check.detail).toContain('HS256 signature valid (jwtSecret)');
    expect(check.detail).toContain('iss "enterprise-a2a-agent" checked');
    expect(check.detail).toContain('aud "client-webhook" checked');
    expect(check.detail).toMatch(/exp in 29\d s/);
    expect(check.detail).toContain('taskId matches "task-7"');
    expect(JSON.parse(check.diagnosis?.claims ?? '{}')).toMatchObject({
      taskId,
      iss: 'enterprise-a2a-agent',
    });
    expect(JSON.parse(check.diagnosis?.header ?? '{}')).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('passes a jose-signed token and notes unchecked iss/aud when they are not configured', async () => {
    const token = await new SignJWT({ taskId })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('someone')
      .setIssuedAt(NOW_SEC - 10)
      .setExpirationTime(NOW_SEC + 60)
      .sign(new TextEncoder().encode(jwtSecret));
    const check = await jwtCheck([bearer(token)], settingsWith({ jwtSecret }));
    expect(check.status).toBe('pass');
    expect(check.detail).toContain('iss "someone" not checked (set jwtIssuer)');
  });

  it('fails a well-signed token whose claims are not valid UTF-8, as jose does', async () => {
    const claims = Buffer.concat([
      Buffer.from('{"sub":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const signed = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${claims.toString('base64url')}`;
    const token = `${signed}.${createHmac('sha256', jwtSecret).update(signed).digest('base64url')}`;
    const key = new TextEncoder().encode(jwtSecret);
    await expect(jwtVerify(token, key)).rejects.toThrow(errors.JWTInvalid);
    const check = await jwtCheck([bearer(token)], settingsWith({ jwtSecret }));
    expect(check.status).toBe('fail');
    expect(check.detail).not.toContain('signature');
  });

  it('is case-insensitive about the Bearer scheme and the header name', async () => {
    const token = pyJwt(tutorialClaims(taskId), jwtSecret);
    expect((await jwtCheck([['authorization', `bearer ${token}`]])).status).toBe('pass');
  });

  it.each([
    [
      'a wrong secret',
      () => pyJwt(tutorialClaims(taskId), testSecret('other')),
      /does not verify with jwtSecret/,
    ],
    [
      'an expired token',
      () => pyJwt(tutorialClaims(taskId, { exp: NOW_SEC - 60.5 }), jwtSecret),
      /expired 6\d s before it was received; clock tolerance is 5 s/,
    ],
    [
      'a token not valid yet',
      () => pyJwt(tutorialClaims(taskId, { nbf: NOW_SEC + 120 }), jwtSecret),
      /not valid yet: nbf is 120 s after/,
    ],
    [
      'a token issued in the future',
      () => pyJwt(tutorialClaims(taskId, { iat: NOW_SEC + 90 }), jwtSecret),
      /issued 90 s in the future/,
    ],
    [
      'another issuer',
      () => pyJwt(tutorialClaims(taskId, { iss: 'mallory' }), jwtSecret),
      /Issuer "mallory" is not the configured "enterprise-a2a-agent"/,
    ],
    [
      'another audience',
      () => pyJwt(tutorialClaims(taskId, { aud: 'other' }), jwtSecret),
      /Audience "other" does not include the configured "client-webhook"/,
    ],
    [
      'no iss claim while one is configured',
      () => pyJwt(tutorialClaims(taskId, { iss: undefined }), jwtSecret),
      /no "iss" claim.*jwtIssuer/,
    ],
    [
      'a non-numeric exp',
      () => pyJwt(tutorialClaims(taskId, { exp: 'soon' }), jwtSecret),
      /"exp" claim "soon" is not a number/,
    ],
    [
      'a token for another task',
      () => pyJwt(tutorialClaims('task-OTHER'), jwtSecret),
      /for task "task-OTHER" but this notification is about task "task-7"/,
    ],
    [
      'an unsigned token (alg none)',
      () => pyJwt(tutorialClaims(taskId), '', { alg: 'none', typ: 'JWT' }),
      /unsigned \(alg: none\).*Refused/,
    ],
    [
      'an HS512 token',
      () => pyJwt(tutorialClaims(taskId), jwtSecret, { alg: 'HS512' }),
      /alg "HS512" is not accepted/,
    ],
  ])('fails %s with a clear detail and the decoded token', async (_name, token, detail) => {
    const check = await jwtCheck([bearer(token())]);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(detail);
    expect(check.diagnosis?.claims).toBeDefined();
    expect(check.diagnosis?.header).toBeDefined();
  });

  it('accepts small clock differences within clockToleranceSec', async () => {
    const token = pyJwt(tutorialClaims(taskId, { exp: NOW_SEC - 3, iat: NOW_SEC + 3 }), jwtSecret);
    expect((await jwtCheck([bearer(token)])).status).toBe('pass');
  });

  it('fails a task-bound token when the notification carries no task id', async () => {
    const check = await jwtCheck(
      [bearer(pyJwt(tutorialClaims(taskId), jwtSecret))],
      tutorialSettings,
      '{}',
      null,
    );
    expect(check.detail).toMatch(/bound to task "task-7" but this notification carries no task id/);
  });

  it('passes a token without taskId claim and says it is not bound to a task', async () => {
    const check = await jwtCheck([
      bearer(pyJwt(tutorialClaims(taskId, { taskId: undefined }), jwtSecret)),
    ]);
    expect(check.status).toBe('pass');
    expect(check.detail).toContain('no taskId claim');
  });

  it('checks an A2A-style request_body_sha256 claim against the body', async () => {
    const body = '{"kind":"task","id":"task-7"}';
    const hash = createHash('sha256').update(body).digest('hex');
    const good = pyJwt(tutorialClaims(taskId, { request_body_sha256: hash }), jwtSecret);
    expect((await jwtCheck([bearer(good)], tutorialSettings, body)).status).toBe('pass');
    const tampered = await jwtCheck([bearer(good)], tutorialSettings, body.replace('7', '8'));
    expect(tampered.detail).toMatch(/request_body_sha256 does not match/);
  });

  it('skips without Authorization, with another scheme, or with an opaque bearer token', async () => {
    expect((await jwtCheck([])).detail).toMatch(/No Authorization header/);
    expect((await jwtCheck([['Authorization', 'Basic dXNlcjpwYXNz']])).detail).toMatch(
      /"Basic" scheme/,
    );
    const bare = await jwtCheck([['Authorization', 'just-a-token']]);
    expect(bare.detail).toMatch(/no "<scheme> <credentials>" form/);
    const opaque = await jwtCheck([bearer(randomUUID())]);
    expect(opaque.status).toBe('skip');
    expect(opaque.detail).toMatch(/not a JWT.*notification-token/);
  });

  it('skips naming the setting when the key is not configured', async () => {
    const hs = await jwtCheck([bearer(pyJwt(tutorialClaims(taskId), jwtSecret))], settingsWith());
    expect(hs.status).toBe('skip');
    expect(hs.detail).toContain('"jwtSecret"');
    const rs = await jwtCheck(
      [bearer(pyJwt(tutorialClaims(taskId), jwtSecret, { alg: 'RS256', kid: 'k1' }))],
      settingsWith({ jwtSecret }),
    );
    expect(rs.status).toBe('skip');
    expect(rs.detail).toContain('"jwksUrl"');
  });

  it('judges time at receipt, so re-verifying an old capture later gives the same answer', async () => {
    const token = pyJwt(tutorialClaims(taskId), jwtSecret);
    const input = inputWith([bearer(token)], '{}', { taskId });
    const later = { ...memoryContext(), now: () => Date.now() + 10 * 365 * 86_400_000 };
    const checks = await verifyCapture(input, tutorialSettings, later);
    expect(checks.find((c) => c.id === 'jwt')?.status).toBe('pass');
  });
});
