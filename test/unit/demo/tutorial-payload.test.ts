// The tutorial's webhook body and signatures: preview cut by code points like Python slicing,
// sorted Python JSON, isoformat timestamps, HMAC as Python computes it, the enterprise JWT's
// claims, and reading params.pushNotificationConfig from a raw JSON-RPC body.
import { execFileSync } from 'node:child_process';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import { validationUrl } from '../../../electron/engine/demo/endpoint-challenge';
import { pyIsoformat } from '../../../electron/engine/demo/python-time';
import { hmacSignature, signEnterpriseJwt } from '../../../electron/engine/demo/signing';
import {
  previewOf,
  serializeTutorialPayload,
  tutorialPayload,
} from '../../../electron/engine/demo/tutorial-payload';
import { readTutorialPushConfig } from '../../../electron/engine/demo/tutorial-push';

describe('tutorial payload', () => {
  it('cuts the preview at 100 code points, like Python', () => {
    const astral = '🔒'.repeat(150);
    expect(Array.from(previewOf(astral))).toHaveLength(103);
    expect(previewOf(astral).endsWith('🔒...')).toBe(true);
    expect(previewOf('x'.repeat(100))).toBe('x'.repeat(100));
    expect(previewOf('x'.repeat(101))).toBe(`${'x'.repeat(100)}...`);
  });

  it('formats timestamps like datetime.isoformat() with a UTC offset', () => {
    expect(pyIsoformat(new Date('2026-03-04T05:06:07.089Z'))).toBe(
      '2026-03-04T05:06:07.089000+00:00',
    );
    expect(pyIsoformat(new Date('2026-03-04T05:06:07.000Z'))).toBe('2026-03-04T05:06:07+00:00');
  });

  it('serializes and signs exactly as Python does', () => {
    const payload = tutorialPayload({
      taskId: 't-1',
      result: '✅ done — naïve 🚀',
      message: 'Task completed - fetch results with tasks/get',
      metadata: { artifact_count: 5 },
      now: new Date('2026-01-02T03:04:05.678Z'),
    });
    const body = serializeTutorialPayload(payload);
    const secret = 'unit-test-secret-é';
    const py = execFileSync(
      'python3',
      [
        '-c',
        'import sys,json,hmac,hashlib;p=json.loads(sys.argv[1]);b=json.dumps(p,sort_keys=True);' +
          'print(b);print(hmac.new(sys.argv[2].encode(),b.encode(),hashlib.sha256).hexdigest())',
        JSON.stringify(payload),
        secret,
      ],
      { encoding: 'utf8' },
    ).split('\n');
    expect(body).toBe(py[0]);
    expect(hmacSignature(secret, body)).toBe(`sha256=${py[1]}`);
  });
});

describe('enterprise JWT', () => {
  it('is HS256 with the tutorial claims, float iat/exp 5 minutes apart and a fresh jti', async () => {
    const secret = 'jwt-unit-secret';
    const now = 1_800_000_000_123;
    const a = await signEnterpriseJwt(secret, 'task-9', now);
    const b = await signEnterpriseJwt(secret, 'task-9', now);
    expect(decodeProtectedHeader(a.token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodeJwt(a.token)).toEqual({
      iss: 'enterprise-a2a-agent',
      aud: 'client-webhook',
      iat: 1_800_000_000.123,
      exp: 1_800_000_300.123,
      taskId: 'task-9',
      jti: a.claims.jti,
    });
    expect(a.claims.jti).not.toBe(b.claims.jti);
    const fresh = await signEnterpriseJwt(secret, 'task-9');
    await expect(
      jwtVerify(fresh.token, new TextEncoder().encode(secret), {
        issuer: 'enterprise-a2a-agent',
        audience: 'client-webhook',
      }),
    ).resolves.toBeDefined();
  });
});

describe('tutorial push config in the raw body', () => {
  it('reads url, secret and auth header; ignores anything unusable', () => {
    const body = (cfg: unknown) => ({
      jsonrpc: '2.0',
      method: 'message/stream',
      params: { message: {}, pushNotificationConfig: cfg },
    });
    expect(
      readTutorialPushConfig(body({ url: 'http://127.0.0.1:9000/webhook', secret: 's' })),
    ).toEqual({
      url: 'http://127.0.0.1:9000/webhook',
      secret: 's',
      authorization: null,
    });
    expect(
      readTutorialPushConfig(body({ url: 'https://x.example/h', auth_header: 'Bearer a' })),
    ).toMatchObject({
      secret: null,
      authorization: 'Bearer a',
    });
    expect(readTutorialPushConfig(body({ url: 'ftp://x/y' }))).toBeNull();
    expect(readTutorialPushConfig(body({ secret: 's' }))).toBeNull();
    expect(readTutorialPushConfig(body('http://x'))).toBeNull();
    expect(readTutorialPushConfig({ params: {} })).toBeNull();
    expect(readTutorialPushConfig(null)).toBeNull();
  });

  it('builds the challenge URL under the webhook path', () => {
    expect(validationUrl('http://127.0.0.1:9000/webhook', 'abc')).toBe(
      'http://127.0.0.1:9000/webhook/validate?challenge=abc',
    );
    expect(validationUrl('http://h/webhook/?k=1', 'c')).toBe(
      'http://h/webhook/validate?k=1&challenge=c',
    );
  });
});
