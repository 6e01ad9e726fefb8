// Re-signing lists only real changes: a header re-signed to the value it already had (same body,
// same second) is not reported as "replaced".
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resign } from '../../../electron/engine/replay/resign';

const keys = { webhookSecret: 'unit-secret-value', jwtSecret: '', standardWebhooksSecret: '' };
const body = new TextEncoder().encode('{"taskId":"t1","status":"completed"}');
const mac = 'sha256=' + createHmac('sha256', keys.webhookSecret).update(body).digest('hex');

describe('resign', () => {
  it('does not list a header whose value did not change', () => {
    const nowMs = 1_800_000_000_000;
    const r = resign(
      [
        ['X-A2A-Timestamp', String(nowMs / 1000)],
        ['X-A2A-Signature', mac],
      ],
      body,
      keys,
      nowMs,
    );
    expect(r.changes).toEqual([]);
  });

  it('lists the timestamp when it moved, but not the body-only signature', () => {
    const nowMs = 1_800_000_000_000;
    const r = resign(
      [
        ['X-A2A-Timestamp', '1700000000'],
        ['X-A2A-Signature', mac],
      ],
      body,
      keys,
      nowMs,
    );
    expect(r.changes.map((c) => [c.field, c.kind])).toEqual([['X-A2A-Timestamp', 'replaced']]);
  });
});
