// Check hmac-sha256 (X-A2A-Signature): pass, skip, malformed headers and the computed causes.
import { describe, expect, it, beforeAll } from 'vitest';
import type { Check } from '../../../shared/model';
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

const secret = testSecret('webhook');
const settings = settingsWith({ webhookSecret: secret });

async function hmacCheck(
  body: string,
  signature: string | undefined,
  extra: [string, string][] = [],
  s = settings,
): Promise<Check> {
  const headers: [string, string][] =
    signature === undefined ? [...extra] : [['X-A2A-Signature', signature], ...extra];
  const checks = await verifyCapture(inputWith(headers, body), s, memoryContext());
  const check = checks.find((c) => c.id === 'hmac-sha256');
  if (!check) throw new Error('no hmac-sha256 check');
  return check;
}

const pythonBody =
  '{"message": "caf\\u00e9 \\u2705", "n": 2.5, "status": "completed", "taskId": "t-1"}';
const signed = (body: string, key = secret) => `sha256=${nodeHmacHex(key, body)}`;

describe.each(CRYPTO_PROVIDERS)('hmac-sha256, hashed with %s', (_name, provider) => {
  beforeAll(() => useCrypto(provider));
  it('passes for the raw body signed with the configured secret', async () => {
    const check = await hmacCheck(pythonBody, signed(pythonBody));
    expect(check.status).toBe('pass');
    expect(check.detail).toMatch(/matches/);
  });

  it('skips without the header, and names the setting when no secret is configured', async () => {
    expect((await hmacCheck(pythonBody, undefined)).status).toBe('skip');
    const unconfigured = await hmacCheck(pythonBody, signed(pythonBody), [], settingsWith());
    expect(unconfigured.status).toBe('skip');
    expect(unconfigured.detail).toContain('webhookSecret');
  });

  it('fails on a wrong secret with expected, received and the signed byte count', async () => {
    const received = signed(pythonBody, testSecret('other'));
    const check = await hmacCheck(pythonBody, received);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/wrong secret/);
    expect(check.diagnosis).toMatchObject({
      expected: signed(pythonBody),
      received,
      signedBytes: String(Buffer.byteLength(pythonBody)),
    });
    expect(check.diagnosis?.signedString).toContain('taskId');
  });

  it('keeps the expected signature out of the detail (enforce mode may echo it)', async () => {
    const check = await hmacCheck(pythonBody, signed(pythonBody, testSecret('other')));
    expect(check.detail).not.toContain(nodeHmacHex(secret, pythonBody));
  });

  it('diagnoses a sender that signed Python json.dumps(sort_keys=True) but sent compact JSON', async () => {
    const sent = JSON.stringify(JSON.parse(pythonBody));
    const check = await hmacCheck(sent, signed(pythonBody));
    expect(check.status).toBe('fail');
    expect(check.detail).toContain('re-serialized as Python json.dumps(sort_keys=True)');
    expect(check.detail).toContain('the sender signed a re-serialized body');
  });

  it('diagnoses a sender that signed compact JSON.stringify but sent Python-style bytes', async () => {
    const compact = JSON.stringify(JSON.parse(pythonBody));
    const check = await hmacCheck(pythonBody, signed(compact));
    expect(check.detail).toContain('compact JSON (JavaScript JSON.stringify)');
  });

  it('diagnoses a signed body whose keys were unsorted', async () => {
    const unsorted = '{"taskId": "t-1", "status": "completed"}';
    const sorted = '{"status": "completed", "taskId": "t-1"}';
    const check = await hmacCheck(unsorted, signed(sorted));
    expect(check.detail).toContain('json.dumps(sort_keys=True)');
  });

  it('diagnoses a trailing newline appended after signing, and one signed but not sent', async () => {
    const appended = await hmacCheck(`${pythonBody}\n`, signed(pythonBody));
    expect(appended.detail).toMatch(/without its trailing newline/);
    const crlf = await hmacCheck(`${pythonBody}\r\n`, signed(pythonBody));
    expect(crlf.detail).toMatch(/without its trailing newline/);
    const dropped = await hmacCheck(pythonBody, signed(`${pythonBody}\n`));
    expect(dropped.detail).toMatch(/plus a trailing newline/);
  });

  it('diagnoses whitespace around the configured secret', async () => {
    const padded = settingsWith({ webhookSecret: `${secret}\n` });
    const check = await hmacCheck(pythonBody, signed(pythonBody), [], padded);
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/whitespace of "webhookSecret"/);
  });

  it('diagnoses a signature over "<timestamp>.<body>"', async () => {
    const ts = '1800000000';
    const check = await hmacCheck(pythonBody, signed(`${ts}.${pythonBody}`), [
      ['X-A2A-Timestamp', ts],
    ]);
    expect(check.detail).toContain('"<timestamp>.<body>"');
  });

  it('lists every matching cause in the diagnosis', async () => {
    const check = await hmacCheck(pythonBody, signed(pythonBody, testSecret('other')));
    expect(check.diagnosis?.likelyCauses).toMatch(/wrong secret/);
  });

  it.each([
    [
      'missing prefix but right digest',
      () => nodeHmacHex(secret, pythonBody),
      /digest itself is right, but the "sha256=" prefix is missing/,
    ],
    ['another scheme', () => `sha1=${'a'.repeat(40)}`, /"sha1=" scheme/],
    ['not key=value at all', () => 'garbage', /not of the form "sha256=<hex>"/],
    ['non-hex characters', () => `sha256=${'z'.repeat(64)}`, /non-hex characters/],
    ['wrong length', () => `sha256=${'a'.repeat(40)}`, /40 hex digits; HMAC-SHA256 has 64/],
    [
      'upper-case hex',
      () => `sha256=${nodeHmacHex(secret, pythonBody).toUpperCase()}`,
      /digest itself is right, but the hex digits are upper-case/,
    ],
  ])('fails a malformed header: %s', async (_name, value, detail) => {
    const check = await hmacCheck(pythonBody, value());
    expect(check.status).toBe('fail');
    expect(check.detail).toMatch(/X-A2A-Signature is malformed/);
    expect(check.detail).toMatch(detail);
    expect(check.diagnosis?.expected).toBe(signed(pythonBody));
  });

  it('verifies non-JSON and binary bodies by their raw bytes', async () => {
    const bytes = new Uint8Array([0xff, 0x00, 0x7b, 0x0a]);
    const received = `sha256=${nodeHmacHex(secret, Buffer.from(bytes))}`;
    const checks = await verifyCapture(
      inputWith([['x-a2a-signature', received]], bytes),
      settings,
      memoryContext(),
    );
    expect(checks[0]).toMatchObject({ id: 'hmac-sha256', status: 'pass' });
  });

  it('shows only the start of a large signed body in the diagnosis', async () => {
    const big = `{"data": "${'x'.repeat(5000)}"}`;
    const check = await hmacCheck(big, signed(big, testSecret('other')));
    expect(check.diagnosis?.signedBytes).toBe(String(big.length));
    expect(check.diagnosis?.signedString).toMatch(/^\{"data": "x+… \(5012 bytes in all\)$/);
    expect(check.diagnosis?.signedString?.length).toBeLessThan(400);
  });
});
