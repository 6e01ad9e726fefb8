// Pure renderer helpers: formatting, body views, curl quoting, the signed sample, settings form.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CaptureDetail } from '../../../shared/model';
import { detectKind, hexDump, renderBody } from '../../../renderer/lib/body';
import { curlForCapture, shellQuote } from '../../../shared/curl';
import { exactSize, expiryPhrase, formatSize, relativeTime } from '../../../renderer/lib/format';
import { buildSampleWebhook } from '../../../renderer/lib/sample-webhook';
import { orderChecks } from '../../../renderer/views/captures/detail/ChecksPanel';
import { moveCursor } from '../../../renderer/views/captures/use-list-keys';
import { diffDraft, toDraft, validateDraft } from '../../../renderer/views/settings/settings-form';
import { cap } from './fixtures';

const enc = (s: string) => new TextEncoder().encode(s);

describe('format', () => {
  it('sizes', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(2048)).toBe('2 KiB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5 MiB');
    expect(exactSize(12345)).toBe('12,345 bytes');
    expect(exactSize(1)).toBe('1 byte');
  });
  it('relative times and JWT expiry', () => {
    const now = 1_800_000_000_000;
    expect(relativeTime(now - 180_000, now)).toBe('3 min ago');
    expect(relativeTime(now + 7_200_000, now)).toBe('in 2 h');
    expect(expiryPhrase((now - 180_000) / 1000, now)).toBe('expired 3 min ago');
    expect(expiryPhrase((now + 240_000) / 1000, now)).toBe('expires in 4 min');
  });
});

describe('body', () => {
  it('detects json, text and binary', () => {
    expect(detectKind(enc('{"a":1}'))).toBe('json');
    expect(detectKind(enc('{"a":'))).toBe('text');
    expect(detectKind(enc('hello\n'))).toBe('text');
    expect(detectKind(new Uint8Array([0xff, 0xfe, 0x00]))).toBe('hex');
    expect(detectKind(enc('a\u0001b'))).toBe('hex');
  });
  it('pretty prints without touching text bodies', () => {
    expect(renderBody(enc('{"a":[1]}'), 'json')).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(renderBody(enc(' raw  '), 'text')).toBe(' raw  ');
  });
  it('hex dumps with offsets and ascii', () => {
    expect(hexDump(enc('AB\n'))).toBe('00000000  41 42 0a' + ' '.repeat(39) + '  AB.');
    expect(hexDump(new Uint8Array(40), 16)).toContain('24 more bytes not shown');
  });
});

describe('curl', () => {
  it('quotes anything literally', () => {
    expect(shellQuote(`it's $(rm -rf ~) \`x\``)).toBe(`'it'\\''s $(rm -rf ~) \`x\`'`);
  });
  it('rebuilds a capture without hop-by-hop headers', () => {
    const detail: CaptureDetail = {
      ...cap(1, { path: '/hook' }),
      query: 'a=1',
      headers: [
        ['Host', 'x'],
        ['Content-Length', '2'],
        ['X-A2A-Signature', "sha256=ab'c"],
      ],
      remoteAddress: '127.0.0.1',
      checks: [],
      responseStatus: 200,
    };
    const cmd = curlForCapture(detail, enc('{}'), 'http://127.0.0.1:9000/');
    expect(cmd).toContain(`-X 'POST' 'http://127.0.0.1:9000/hook?a=1'`);
    expect(cmd).toContain(`-H 'X-A2A-Signature: sha256=ab'\\''c'`);
    expect(cmd).not.toMatch(/Host:|Content-Length/);
    expect(cmd).toContain(`--data-binary '{}'`);
    expect(curlForCapture(detail, new Uint8Array([0, 1]), 'http://h')).toMatch(
      /^printf '%s\\000\\001' '' \| curl .* --data-binary @-$/,
    );
    // A body starting with '@' must be sent, not make curl upload a file.
    const at = curlForCapture(detail, enc('@/etc/hostname'), 'http://h');
    expect(at).toMatch(/^printf '%s@\/etc\/hostname' '' \| curl .* --data-binary @-$/);
  });
});

describe('signed sample', () => {
  it('signs the exact body like the tutorial (matches node:crypto)', async () => {
    const s = await buildSampleWebhook({
      receiverUrl: 'http://127.0.0.1:9000',
      webhookSecret: 'secret-1',
      notificationToken: 'tok',
      taskId: 'sample-1',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(s.signature).toBe(
      'sha256=' + createHmac('sha256', 'secret-1').update(s.body).digest('hex'),
    );
    expect(s.command).toContain(`--data-binary '${s.body}'`);
    expect(s.command).toContain('X-A2A-Timestamp: $(date +%s)');
    expect(s.command).toContain('X-A2A-Notification-Token: tok');
    expect(JSON.parse(s.body)).toMatchObject({ taskId: 'sample-1', status: 'completed' });
  });
  it('signs with an empty secret as the receiver does (the old page copy threw here)', async () => {
    const s = await buildSampleWebhook({
      receiverUrl: 'http://127.0.0.1:9000',
      webhookSecret: '',
      taskId: 'sample-2',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    expect(s.signature).toBe('sha256=' + createHmac('sha256', '').update(s.body).digest('hex'));
  });
});

describe('checks and keyboard', () => {
  it('orders failed, passed, skipped', () => {
    const out = orderChecks([
      { id: 'jwt', status: 'skip', detail: '' },
      { id: 'timestamp', status: 'pass', detail: '' },
      { id: 'hmac-sha256', status: 'fail', detail: '' },
    ]);
    expect(out.map((c) => c.status)).toEqual(['fail', 'pass', 'skip']);
  });
  it('moves the cursor within bounds', () => {
    expect(moveCursor([5, 4, 3], null, 1)).toBe(5);
    expect(moveCursor([5, 4, 3], 5, 1)).toBe(4);
    expect(moveCursor([5, 4, 3], 3, 1)).toBe(3);
    expect(moveCursor([5, 4, 3], 5, -1)).toBe(5);
    expect(moveCursor([], 1, 1)).toBeNull();
    // Home / End
    expect(moveCursor([5, 4, 3], 4, -Infinity)).toBe(5);
    expect(moveCursor([5, 4, 3], 4, Infinity)).toBe(3);
    expect(moveCursor([5, 4, 3], null, Infinity)).toBe(3);
  });
});

describe('settings form', () => {
  const saved = {
    webhookSecret: 'a',
    jwtSecret: 'b',
    jwksUrl: '',
    jwtIssuer: '',
    jwtAudience: '',
    notificationToken: 'c',
    standardWebhooksSecret: 'whsec_x',
    timestampWindowSec: 300,
    clockToleranceSec: 30,
    receiverPort: 9000,
    responseMode: 'observe' as const,
    bodyLimitBytes: 10485760,
    sseFrameLimitBytes: 8388608,
    sseStreamLimitBytes: 268435456,
    cardLimitBytes: 1048576,
    rpcAnswerLimitBytes: 16777216,
    retentionMaxBytes: 1073741824,
    retentionMaxAgeDays: 30,
    retentionIncludeCaptures: false,
  };
  it('diffs only changed fields, typed', () => {
    const d = {
      ...toDraft(saved),
      webhookSecret: 'new',
      timestampWindowSec: '600',
      responseMode: 'enforce',
    };
    expect(diffDraft(saved, d)).toEqual({
      webhookSecret: 'new',
      timestampWindowSec: 600,
      responseMode: 'enforce',
    });
    expect(diffDraft(saved, toDraft(saved))).toEqual({});
  });
  it('validates numbers and the JWKS URL', () => {
    const d = {
      ...toDraft(saved),
      receiverPort: '70000',
      clockToleranceSec: 'x',
      jwksUrl: 'ftp://a',
    };
    expect(Object.keys(validateDraft(d)).sort()).toEqual([
      'clockToleranceSec',
      'jwksUrl',
      'receiverPort',
    ]);
  });
});
