// Check standard-webhooks: published vector, vectors computed with node:crypto, multiple
// signatures, whsec_ and raw secrets, tolerance, malformed input and skips.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import type { HeaderPair, Settings } from '../../../shared/model';
import { hmacSha256Base64, standardWebhooksKey, verifyCapture } from '../../../shared/verify/index';
import {
  NOW_SEC,
  inputWith,
  CRYPTO_PROVIDERS,
  memoryContext,
  useCrypto,
  settingsWith,
} from './verify-helpers';

interface Vector {
  secret: string;
  id: string;
  timestamp: string;
  body: string;
  signature: string;
}
const fixture = JSON.parse(
  readFileSync(
    new URL('../../fixtures/verify/standard-webhooks-vectors.json', import.meta.url),
    'utf8',
  ),
) as { vectors: Vector[] };

const keyBytes = Buffer.from('test-standard-webhooks-key-bytes');
const secret = `whsec_${keyBytes.toString('base64')}`;
const body = '{"type":"task.completed","data":{"taskId":"t-1","note":"naïve ✅"}}';
const id = 'msg_test_1';

function nodeSignature(key: Buffer, msgId: string, ts: string, payload: string): string {
  return `v1,${createHmac('sha256', key).update(`${msgId}.${ts}.${payload}`).digest('base64')}`;
}

async function swCheck(
  headers: HeaderPair[],
  settings: Partial<Settings> = {},
  payload = body,
  receivedAt?: number,
) {
  const input = inputWith(headers, payload, receivedAt ? { receivedAt } : {});
  const checks = await verifyCapture(
    input,
    settingsWith({ standardWebhooksSecret: secret, ...settings }),
    memoryContext(),
  );
  return checks.find((c) => c.id === 'standard-webhooks');
}

function headersFor(signature: string, ts = String(NOW_SEC), msgId = id): HeaderPair[] {
  return [
    ['webhook-id', msgId],
    ['webhook-timestamp', ts],
    ['webhook-signature', signature],
  ];
}

describe.each(CRYPTO_PROVIDERS)('standard-webhooks, hashed with %s', (_name, provider) => {
  beforeAll(() => useCrypto(provider));
  it('agrees with the published test vector', async () => {
    for (const v of fixture.vectors) {
      const key = standardWebhooksKey(v.secret);
      expect(`v1,${await hmacSha256Base64(key, `${v.id}.${v.timestamp}.${v.body}`)}`).toBe(
        v.signature,
      );
      const check = await swCheck(
        headersFor(v.signature, v.timestamp, v.id),
        { standardWebhooksSecret: v.secret },
        v.body,
        Number(v.timestamp) * 1000,
      );
      expect(check?.status).toBe('pass');
    }
  });

  it('passes a signature computed with node:crypto and says the skew', async () => {
    const check = await swCheck(
      headersFor(nodeSignature(keyBytes, id, String(NOW_SEC - 2), body), String(NOW_SEC - 2)),
    );
    expect(check?.status).toBe('pass');
    expect(check?.detail).toBe(
      'v1 signature matches webhook-id msg_test_1; received 2 s after it was signed; window is 300 s.',
    );
  });

  it('passes when any of several space-separated signatures matches', async () => {
    const good = nodeSignature(keyBytes, id, String(NOW_SEC), body);
    const check = await swCheck(headersFor(`v1a,ZWQyNTUxOQ== v1,AAAA ${good}`));
    expect(check?.status).toBe('pass');
  });

  it('uses a secret without whsec_ as its UTF-8 bytes', async () => {
    const raw = 'test-raw-standard-secret';
    const sig = nodeSignature(Buffer.from(raw), id, String(NOW_SEC), body);
    expect((await swCheck(headersFor(sig), { standardWebhooksSecret: raw }))?.status).toBe('pass');
  });

  it('fails a wrong signature with expected, received and the signed string', async () => {
    const wrong = nodeSignature(Buffer.from('test-other-key'), id, String(NOW_SEC), body);
    const check = await swCheck(headersFor(wrong));
    expect(check?.status).toBe('fail');
    expect(check?.detail).toMatch(/None of the 1 v1 signature\(s\) matches/);
    expect(check?.diagnosis).toMatchObject({
      expected: nodeSignature(keyBytes, id, String(NOW_SEC), body),
      received: wrong,
      signedString: `${id}.${NOW_SEC}.${body}`,
    });
  });

  it('fails a tampered body or id', async () => {
    const sig = nodeSignature(keyBytes, id, String(NOW_SEC), body);
    expect((await swCheck(headersFor(sig), {}, body.replace('t-1', 't-2')))?.status).toBe('fail');
    expect((await swCheck(headersFor(sig, String(NOW_SEC), 'msg_other')))?.status).toBe('fail');
  });

  it('fails a valid signature on a stale timestamp', async () => {
    const ts = String(NOW_SEC - 600);
    const check = await swCheck(headersFor(nodeSignature(keyBytes, id, ts, body), ts));
    expect(check?.status).toBe('fail');
    expect(check?.detail).toMatch(
      /outside the window: received 600 s after it was signed; window is 300 s/,
    );
  });

  it('fails when no v1 entry is present, naming what was found', async () => {
    expect((await swCheck(headersFor('v1a,ZWQ=')))?.detail).toMatch(
      /no "v1,<base64>" entry \(found: v1a\)/,
    );
  });

  it('fails when id or timestamp is missing beside a signature', async () => {
    const check = await swCheck([['webhook-signature', 'v1,AAAA']]);
    expect(check?.detail).toMatch(/webhook-id and webhook-timestamp are missing/);
    const noId = await swCheck([
      ['webhook-signature', 'v1,AAAA'],
      ['webhook-timestamp', '1'],
    ]);
    expect(noId?.detail).toMatch(/but webhook-id is missing/);
  });

  it('fails an undecodable whsec_ secret clearly', async () => {
    const check = await swCheck(headersFor('v1,AAAA'), { standardWebhooksSecret: 'whsec_%%%' });
    expect(check?.detail).toMatch(/Cannot use "standardWebhooksSecret": .*not valid base64/);
  });

  it('skips without a webhook-signature header, or without a secret', async () => {
    expect((await swCheck([['webhook-id', id]]))?.status).toBe('skip');
    const unconfigured = await swCheck(headersFor('v1,AAAA'), { standardWebhooksSecret: '' });
    expect(unconfigured?.status).toBe('skip');
    expect(unconfigured?.detail).toContain('"standardWebhooksSecret"');
  });
});
