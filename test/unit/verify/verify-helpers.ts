// Test helpers for the verification library: settings, inputs, random obviously-test secrets
// and a PyJWT-like token builder (node:crypto is fine in tests).
import { createHmac, randomUUID } from 'node:crypto';
import type { HeaderPair, Settings } from '../../../shared/model';
import type { SyncCrypto, VerifyContext, VerifyInput } from '../../../shared/verify/index';
import { nodeCrypto } from '../../../electron/engine/captures/node-crypto';
import { DEFAULT_SETTINGS } from '../../../shared/model';

export const NOW_MS = 1_800_000_000_000;
export const NOW_SEC = NOW_MS / 1000;

export function testSecret(label = 'secret'): string {
  return `test-${label}-${randomUUID()}`;
}

export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  // The app's defaults, with a tighter clock tolerance and no receiver port for these tests.
  return { ...DEFAULT_SETTINGS, clockToleranceSec: 5, receiverPort: 0, ...overrides };
}

export function inputWith(
  headers: HeaderPair[],
  body: Uint8Array | string = '{}',
  overrides: Partial<VerifyInput> = {},
): VerifyInput {
  return {
    method: 'POST',
    path: '/webhook',
    headers,
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
    receivedAt: NOW_MS,
    taskId: null,
    ...overrides,
  };
}

/** Both ways the verifiers hash: WebCrypto (the renderer) and the engine's node:crypto. */
export const CRYPTO_PROVIDERS: [string, SyncCrypto | undefined][] = [
  ['WebCrypto', undefined],
  ['node:crypto', nodeCrypto],
];
let activeCrypto: SyncCrypto | undefined;
/** Makes memoryContext hand out this provider (per test file: call in beforeAll). */
export function useCrypto(crypto: SyncCrypto | undefined): void {
  activeCrypto = crypto;
}

/** A context whose jti memory is a Map: the first capture id to present a jti owns it. */
export function memoryContext(captureId = 1, seen = new Map<string, number>()): VerifyContext {
  return {
    ...(activeCrypto ? { crypto: activeCrypto } : {}),
    rememberJti: (jti) => {
      const earlier = seen.get(jti);
      if (earlier !== undefined && earlier !== captureId) return earlier;
      seen.set(jti, captureId);
      return null;
    },
  };
}

export function nodeHmacHex(secret: string | Buffer, data: string | Buffer): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

function b64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

/** Builds a compact HS256 JWS byte-for-byte like PyJWT (any header, e.g. alg none, allowed). */
export function pyJwt(
  claims: Record<string, unknown>,
  secret: string,
  header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' },
): string {
  const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  if (header.alg === 'none') return `${input}.`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

export function tutorialClaims(taskId: string, overrides: Record<string, unknown> = {}) {
  return {
    iss: 'enterprise-a2a-agent',
    aud: 'client-webhook',
    iat: NOW_SEC - 1.25,
    exp: NOW_SEC + 298.75,
    taskId,
    jti: randomUUID(),
    ...overrides,
  };
}
