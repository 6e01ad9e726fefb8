// Cross-checks against the reference libraries: `standardwebhooks` (the Standard Webhooks
// project's own JS library) and `@octokit/webhooks-methods` (GitHub's). Their signatures verify
// with our checks, ours (replay re-signing) verify with theirs, and a tampered byte fails both.
import { randomBytes, randomUUID } from 'node:crypto';
import { sign as githubSign, verify as githubVerify } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { resign } from '../../../electron/engine/replay/resign';
import type { HeaderPair } from '../../../shared/model';
import { verifyCapture } from '../../../shared/verify/index';
import { inputWith, memoryContext, settingsWith, testSecret } from './verify-helpers';

const BODIES = [
  '{"type":"invoice.paid","data":{"id":"in_1"}}',
  '{"text":"naïve café ✓ 🔒","n":1.5}',
  '',
];

// The octokit library refuses an empty payload (GitHub never sends one).
const GITHUB_BODIES = [
  ...BODIES.filter(Boolean),
  JSON.stringify({ action: 'opened', n: [1, 2] }, null, 2),
];

const whsec = () => 'whsec_' + randomBytes(24).toString('base64');

async function checkOf(
  id: 'standard-webhooks' | 'github-signature',
  headers: HeaderPair[],
  body: string | Uint8Array,
  settings: Parameters<typeof settingsWith>[0],
) {
  const checks = await verifyCapture(
    inputWith(headers, body, { receivedAt: Date.now() }),
    settingsWith(settings),
    memoryContext(),
  );
  return checks.find((c) => c.id === id)!;
}

const toRecord = (headers: HeaderPair[]) =>
  Object.fromEntries(headers.map(([n, v]) => [n.toLowerCase(), v]));

describe('standardwebhooks (reference library)', () => {
  it.each(BODIES)('its signature verifies with our check (body %j)', async (body) => {
    const secret = whsec();
    const id = `msg_${randomUUID()}`;
    const now = new Date();
    const signature = new Webhook(secret).sign(id, now, body);
    const headers: HeaderPair[] = [
      ['webhook-id', id],
      ['webhook-timestamp', String(Math.floor(now.getTime() / 1000))],
      ['webhook-signature', signature],
    ];
    const ok = await checkOf('standard-webhooks', headers, body, {
      standardWebhooksSecret: secret,
    });
    expect(ok.status).toBe('pass');
    const tampered = await checkOf('standard-webhooks', headers, body + ' ', {
      standardWebhooksSecret: secret,
    });
    expect(tampered.status).toBe('fail');
  });

  it('a raw (non-whsec_) secret means the same key in both: its "raw" format, our UTF-8', async () => {
    const secret = testSecret('sw-raw');
    const id = 'msg_raw';
    const now = new Date();
    const signature = new Webhook(secret, { format: 'raw' }).sign(id, now, BODIES[0]!);
    const headers: HeaderPair[] = [
      ['webhook-id', id],
      ['webhook-timestamp', String(Math.floor(now.getTime() / 1000))],
      ['webhook-signature', signature],
    ];
    const check = await checkOf('standard-webhooks', headers, BODIES[0]!, {
      standardWebhooksSecret: secret,
    });
    expect(check.status).toBe('pass');
  });

  it.each(BODIES)('our re-signed request verifies with the library (body %j)', (body) => {
    const secret = whsec();
    const bytes = new TextEncoder().encode(body);
    const captured: HeaderPair[] = [
      ['Content-Type', 'application/json'],
      ['webhook-id', 'msg_old'],
      ['webhook-timestamp', '1'],
      ['webhook-signature', 'v1,AAAA'],
    ];
    const keys = { webhookSecret: '', jwtSecret: '', standardWebhooksSecret: secret };
    const { headers } = resign(captured, bytes, keys, Date.now());
    const wh = new Webhook(secret);
    expect(() => wh.verify(body, toRecord(headers))).not.toThrow();
    expect(() => wh.verify(body + 'x', toRecord(headers))).toThrow(/signature/i);
  });
});

describe('@octokit/webhooks-methods (reference library)', () => {
  it.each(GITHUB_BODIES)(
    'its X-Hub-Signature-256 verifies with our check (body %j)',
    async (body) => {
      const secret = testSecret('gh');
      const signature = await githubSign(secret, body);
      expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
      const headers: HeaderPair[] = [['X-Hub-Signature-256', signature]];
      expect(
        (await checkOf('github-signature', headers, body, { webhookSecret: secret })).status,
      ).toBe('pass');
      const tampered = await checkOf('github-signature', headers, body + ' ', {
        webhookSecret: secret,
      });
      expect(tampered.status).toBe('fail');
    },
  );

  it.each(GITHUB_BODIES)(
    'our re-signed X-Hub-Signature-256 verifies with the library (body %j)',
    async (body) => {
      const secret = testSecret('gh');
      const bytes = new TextEncoder().encode(body);
      const captured: HeaderPair[] = [['X-Hub-Signature-256', 'sha256=00']];
      const keys = { webhookSecret: secret, jwtSecret: '', standardWebhooksSecret: '' };
      const { headers } = resign(captured, bytes, keys, Date.now());
      const signature = toRecord(headers)['x-hub-signature-256']!;
      expect(await githubVerify(secret, body, signature)).toBe(true);
      expect(await githubVerify(secret, body + ' ', signature)).toBe(false);
      expect(await githubVerify(testSecret('other'), body, signature)).toBe(false);
    },
  );
});
