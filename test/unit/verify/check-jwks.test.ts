// Check jwt with RS256/ES256 keys from a real JWKS server on 127.0.0.1:0: selection by kid,
// unknown kid, unreachable and broken key servers, an injected fetch.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Check, Settings } from '../../../shared/model';
import { verifyCapture, type JwksFetch } from '../../../shared/verify/index';
import { NOW_SEC, inputWith, memoryContext, settingsWith } from './verify-helpers';

const taskId = 'task-jwks';
let server: Server;
let baseUrl = '';
let requests = 0;
const keys: Record<'RS256' | 'ES256', { privateKey: CryptoKey; jwk: JWK }> = {} as never;

function listen(s: Server): Promise<string> {
  return new Promise((resolve) =>
    s.listen(0, '127.0.0.1', () =>
      resolve(`http://127.0.0.1:${(s.address() as AddressInfo).port}`),
    ),
  );
}

beforeAll(async () => {
  for (const alg of ['RS256', 'ES256'] as const) {
    const pair = await generateKeyPair(alg);
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: `kid-${alg}`, alg, use: 'sig' };
    keys[alg] = { privateKey: pair.privateKey, jwk };
  }
  server = createServer((req, res) => {
    requests++;
    if (req.url === '/broken.json') {
      res.writeHead(500).end('oops');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [keys.RS256.jwk, keys.ES256.jwk] }));
  });
  baseUrl = await listen(server);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function sign(
  alg: 'RS256' | 'ES256',
  kid: string,
  claims: Record<string, unknown> = { taskId },
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg, kid })
    .setIssuer('agent.example')
    .setIssuedAt(NOW_SEC - 2)
    .setExpirationTime(NOW_SEC + 120)
    .sign(keys[alg].privateKey);
}

async function jwtCheck(token: string, settings: Settings, fetchJwks?: JwksFetch): Promise<Check> {
  const input = inputWith([['Authorization', `Bearer ${token}`]], '{}', { taskId });
  const checks = await verifyCapture(input, settings, { ...memoryContext(), fetchJwks });
  const check = checks.find((c) => c.id === 'jwt');
  if (!check) throw new Error('no jwt check');
  return check;
}

describe('jwt (JWKS)', () => {
  it.each(['RS256', 'ES256'] as const)(
    'verifies a %s token by kid and caches the key set',
    async (alg) => {
      const settings = settingsWith({
        jwksUrl: `${baseUrl}/jwks.json`,
        jwtIssuer: 'agent.example',
      });
      const check = await jwtCheck(await sign(alg, `kid-${alg}`), settings);
      expect(check.status).toBe('pass');
      expect(check.detail).toContain(
        `${alg} signature valid (JWKS ${baseUrl}/jwks.json, kid kid-${alg})`,
      );
      const before = requests;
      expect((await jwtCheck(await sign(alg, `kid-${alg}`), settings)).status).toBe('pass');
      expect(requests).toBe(before);
    },
  );

  it('fails an unknown kid clearly', async () => {
    const settings = settingsWith({ jwksUrl: `${baseUrl}/unknown-kid.json` });
    const check = await jwtCheck(await sign('RS256', 'kid-missing'), settings);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(
      /No key in the JWKS at .*unknown-kid\.json matches the token \(kid "kid-missing", alg RS256\)/,
    );
  });

  it('fails a token whose kid names another key type', async () => {
    const settings = settingsWith({ jwksUrl: `${baseUrl}/swapped.json` });
    const check = await jwtCheck(await sign('ES256', 'kid-RS256'), settings);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/No key in the JWKS .* \(kid "kid-RS256", alg ES256\)/);
  });

  it('fails with a clear detail when the JWKS URL is unreachable', async () => {
    const closed = createServer();
    const url = await listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const check = await jwtCheck(
      await sign('RS256', 'kid-RS256'),
      settingsWith({ jwksUrl: `${url}/jwks.json` }),
    );
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(
      /Could not load the JWKS from http:\/\/127\.0\.0\.1:\d+\/jwks\.json: .*Check "jwksUrl"/,
    );
  });

  it('fails with a clear detail when the key server answers an error', async () => {
    const check = await jwtCheck(
      await sign('RS256', 'kid-RS256'),
      settingsWith({ jwksUrl: `${baseUrl}/broken.json` }),
    );
    expect(check.detail).toMatch(/Could not load the JWKS .*broken\.json: Expected 200 OK/);
  });

  it('fails an unusable jwksUrl setting', async () => {
    const check = await jwtCheck(
      await sign('RS256', 'kid-RS256'),
      settingsWith({ jwksUrl: 'ftp://example.invalid/jwks' }),
    );
    expect(check.detail).toMatch(/"jwksUrl" is not a usable URL/);
  });

  it('uses an injected fetch when the context provides one', async () => {
    const fetched: string[] = [];
    const fetchJwks: JwksFetch = (url) => {
      fetched.push(url);
      return Promise.resolve(
        new Response(JSON.stringify({ keys: [keys.ES256.jwk] }), { status: 200 }),
      );
    };
    const settings = settingsWith({ jwksUrl: 'https://agent.example/.well-known/jwks.json' });
    const check = await jwtCheck(await sign('ES256', 'kid-ES256'), settings, fetchJwks);
    expect(check.status).toBe('pass');
    expect(fetched).toEqual(['https://agent.example/.well-known/jwks.json']);
  });

  it('refuses an HS256 token signed with the public key as secret (algorithm confusion)', async () => {
    const publicKeyText = JSON.stringify(keys.RS256.jwk);
    const token = await new SignJWT({ taskId })
      .setProtectedHeader({ alg: 'HS256', kid: 'kid-RS256' })
      .sign(new TextEncoder().encode(publicKeyText));
    const check = await jwtCheck(token, settingsWith({ jwksUrl: `${baseUrl}/jwks.json` }));
    expect(check.status).toBe('skip');
    expect(check.detail).toContain('"jwtSecret"');
  });
});
