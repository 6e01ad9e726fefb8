// Check github-signature (X-Hub-Signature-256): same hex HMAC rules as the tutorial scheme.
import { describe, expect, it, beforeAll } from 'vitest';
import { verifyCapture } from '../../../shared/verify/index';
import {
  inputWith,
  CRYPTO_PROVIDERS,
  memoryContext,
  useCrypto,
  nodeHmacHex,
  settingsWith,
  testSecret,
} from './verify-helpers';

const secret = testSecret('github');
const body = '{"action":"opened","number":1}';

async function github(headers: [string, string][], webhookSecret = secret) {
  const checks = await verifyCapture(
    inputWith(headers, body),
    settingsWith({ webhookSecret }),
    memoryContext(),
  );
  return checks.find((c) => c.id === 'github-signature');
}

describe.each(CRYPTO_PROVIDERS)('github-signature, hashed with %s', (_name, provider) => {
  beforeAll(() => useCrypto(provider));
  it('passes a correct X-Hub-Signature-256', async () => {
    const check = await github([['X-Hub-Signature-256', `sha256=${nodeHmacHex(secret, body)}`]]);
    expect(check?.status).toBe('pass');
  });

  it('fails a wrong one with a diagnosis', async () => {
    const received = `sha256=${nodeHmacHex(testSecret('other'), body)}`;
    const check = await github([['x-hub-signature-256', received]]);
    expect(check?.status).toBe('fail');
    expect(check?.detail).toMatch(/X-Hub-Signature-256 does not match the raw body/);
    expect(check?.diagnosis).toMatchObject({
      received,
      expected: `sha256=${nodeHmacHex(secret, body)}`,
    });
  });

  it('skips without the header or without a secret', async () => {
    expect((await github([]))?.status).toBe('skip');
    const unconfigured = await github([['X-Hub-Signature-256', 'sha256=00']], '');
    expect(unconfigured?.status).toBe('skip');
    expect(unconfigured?.detail).toContain('webhookSecret');
  });
});
