// Exact, re-signed and edited replays against a capturing node:http server: exact replays are
// byte-identical (sha256) with the captured header order; re-signed ones verify with
// Switchboard's own checks; edited ones report a diff. Every replay is stored and linked.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayCapture } from '../../electron/engine/replay/replay-one';
import { replayableHeaders } from '../../shared/wire-headers';
import { verifyCapture } from '../../shared/verify/index';
import type { HeaderPair } from '../../shared/model';
import { startJudgingServer, type FixtureReceiver } from '../fixtures/strict-receiver';
import {
  insertTutorialCapture,
  replayStore,
  targetArgs,
  type ReplayStore,
} from '../unit/replay/helpers';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const pairs = (raw: string[]): HeaderPair[] =>
  raw.flatMap((v, i) => (i % 2 ? [] : [[v, raw[i + 1] ?? ''] as HeaderPair]));

describe('replay modes', () => {
  let s: ReplayStore;
  let target: FixtureReceiver;
  beforeAll(async () => {
    s = replayStore();
    target = await startJudgingServer(() => ({ status: 202, reason: 'ok' }));
  });
  afterAll(async () => {
    await target.close();
    s.cleanup();
  });
  const bodyRow = (replayId: number) =>
    s.db
      .prepare('SELECT sent_body_ref, length(sent_body) AS n FROM replays WHERE id = ?')
      .get(replayId);

  it('exact: same bytes, same header names/casing/order, Host and Content-Length recomputed', async () => {
    const c = await insertTutorialCapture(s, {
      extraHeaders: [
        ['x-Dup', '1'],
        ['X-DUP', '2'],
      ],
    });
    const r = await replayCapture(s.svc, {
      ...targetArgs(target.url),
      id: c.id,
      mode: 'exact',
      duplicates: 3,
    });
    expect(r.status).toBe(202);
    const got = target.received.at(-1)!;
    expect(sha(got.body)).toBe(sha(c.body));
    const at = pairs(got.rawHeaders).filter(
      ([n]) => !['host', 'content-length', 'connection'].includes(n.toLowerCase()),
    );
    expect(at).toEqual(replayableHeaders(c.headers));
    const host = pairs(got.rawHeaders).find(([n]) => n === 'Host')?.[1];
    expect(host).toBe(new URL(target.url).host);
    expect(pairs(got.rawHeaders).find(([n]) => n === 'Content-Length')?.[1]).toBe(
      String(c.body.byteLength),
    );
    // stored and linked
    const stored = s.replays.get(r.replayId)!;
    expect(stored.captureId).toBe(c.id);
    expect(stored.sent.sha256).toBe(sha(c.body));
    expect(Buffer.from(s.replays.body(r.replayId, 'sent')!).equals(c.body)).toBe(true);
    expect(stored.sent.size).toBe(c.body.byteLength);
    // A reference to the capture's bytes, not a copy of them.
    expect(bodyRow(r.replayId)).toEqual({ sent_body_ref: 1, n: 0 });
    expect(s.replays.listForCapture(c.id, 10).map((x) => x.replayId)).toContain(r.replayId);
    expect(s.replays.recentTargets()).toContain(target.url);
  });

  it('re-signed: fresh timestamp, signature and JWT that pass our own checks; changes listed', async () => {
    const c = await insertTutorialCapture(s);
    const r = await replayCapture(s.svc, {
      ...targetArgs(target.url),
      id: c.id,
      mode: 'resigned',
      duplicates: 3,
    });
    expect(r.status).toBe(202);
    const fields = r.changes.map((x) => x.field);
    // The HMAC covers the body only: same body and secret give the same signature, which is no
    // change (the timestamp may or may not have moved a second); the JWT is re-issued.
    expect(fields).toContain('Authorization');
    expect(fields).not.toContain('X-A2A-Signature');
    const got = target.received.at(-1)!;
    const headers = pairs(got.rawHeaders);
    const checks = await verifyCapture(
      {
        method: 'POST',
        path: '/webhook',
        headers,
        body: new Uint8Array(got.body),
        receivedAt: Date.now(),
        taskId: c.taskId,
      },
      s.settings,
      { rememberJti: () => null },
    );
    const status = Object.fromEntries(checks.map((x) => [x.id, x.status]));
    expect(status).toMatchObject({
      'hmac-sha256': 'pass',
      jwt: 'pass',
      timestamp: 'pass',
      'jti-replay': 'pass',
    });
    const oldJwt = c.headers.find(([n]) => n === 'Authorization')?.[1];
    expect(headers.find(([n]) => n === 'Authorization')?.[1]).not.toBe(oldJwt);
    // Re-signing leaves the body alone: stored as a reference to the capture, read back whole.
    expect(bodyRow(r.replayId)).toEqual({ sent_body_ref: 1, n: 0 });
    expect(Buffer.from(s.replays.body(r.replayId, 'sent')!).equals(c.body)).toBe(true);
  });

  it('edited: reports a JSON diff; re-signs on request, otherwise keeps the old signature', async () => {
    const c = await insertTutorialCapture(s);
    const edited = JSON.stringify({
      ...(JSON.parse(c.body.toString()) as object),
      status: 'failed',
    });
    const asIs = await replayCapture(s.svc, {
      ...targetArgs(target.url),
      id: c.id,
      mode: 'edited',
      edits: { body: edited, resign: false },
      duplicates: 3,
    });
    expect(asIs.changes).toContainEqual(
      expect.objectContaining({
        field: 'body $.status',
        kind: 'replaced',
        before: '"completed"',
        after: '"failed"',
      }),
    );
    const sig = pairs(target.received.at(-1)!.rawHeaders).find(
      ([n]) => n === 'X-A2A-Signature',
    )?.[1];
    expect(sig).toBe(c.headers.find(([n]) => n === 'X-A2A-Signature')?.[1]);
    // An edited body is the replay's own bytes: stored as a copy.
    expect(bodyRow(asIs.replayId)).toEqual({ sent_body_ref: 0, n: Buffer.byteLength(edited) });
    expect(Buffer.from(s.replays.body(asIs.replayId, 'sent')!).toString()).toBe(edited);

    const resigned = await replayCapture(s.svc, {
      ...targetArgs(target.url),
      id: c.id,
      mode: 'edited',
      edits: { body: edited, headers: [...c.headers, ['X-Extra', 'yes']], resign: true },
      duplicates: 3,
    });
    expect(resigned.changes).toContainEqual(
      expect.objectContaining({ field: 'X-Extra', kind: 'added' }),
    );
    const got = target.received.at(-1)!;
    expect(got.body.toString()).toBe(edited);
    const checks = await verifyCapture(
      {
        method: 'POST',
        path: '/webhook',
        headers: pairs(got.rawHeaders),
        body: new Uint8Array(got.body),
        receivedAt: Date.now(),
        taskId: c.taskId,
      },
      s.settings,
      { rememberJti: () => null },
    );
    expect(checks.find((x) => x.id === 'hmac-sha256')?.status).toBe('pass');
  });
});
