// The replay ops through the real engine and browser mode's HTTP binding: a webhook captured by
// the receiver is replayed (default target: its own path on the receiver, which captures it
// again, byte-identical), listed in the history, and the handler report route answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HandlerReport, ReplayResult, ReplaySummary } from '../../shared/api/replay';
import type { CaptureSummary, Page } from '../../shared/model';
import { startTestEngine, startTestServe, type TestEngine } from '../helpers/engine-fixture';
import { tutorialWebhook } from '../helpers/tutorial-webhook';
import { waitFor } from '../helpers/wait-for';
import { startStrictReceiver, type FixtureReceiver } from '../fixtures/strict-receiver';

describe('replay over the local HTTP API', () => {
  let t: TestEngine;
  let ui: Awaited<ReturnType<typeof startTestServe>>;
  let strict: FixtureReceiver;
  const api = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T }> => {
    const res = await fetch(`${ui.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${ui.token}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as T };
  };
  beforeAll(async () => {
    t = await startTestEngine();
    ui = await startTestServe(t);
    strict = await startStrictReceiver({
      webhookSecret: t.env.SWITCHBOARD_WEBHOOK_SECRET!,
      jwtSecret: t.env.SWITCHBOARD_JWT_SECRET!,
    });
  });
  afterAll(async () => {
    await strict?.close();
    await ui?.close();
    await t?.cleanup();
  });

  it('replays a captured webhook to the receiver, lists it, and runs the handler report', async () => {
    const w = await tutorialWebhook({
      webhookSecret: t.env.SWITCHBOARD_WEBHOOK_SECRET!,
      jwtSecret: t.env.SWITCHBOARD_JWT_SECRET!,
    });
    await fetch(`${t.receiverUrl}/webhook`, { method: 'POST', headers: w.headers, body: w.body });
    const list = async () => (await api<Page<CaptureSummary>>('GET', '/api/captures')).json.items;
    const [first] = await waitFor(async () => ((await list()).length === 1 ? list() : null), {
      what: 'capture',
    });
    const r = await api<ReplayResult>('POST', `/api/captures/${first!.id}/replay`, {
      mode: 'exact',
    });
    expect(r.status).toBe(200);
    expect(r.json.status).toBeGreaterThanOrEqual(200);
    expect(r.json.sent.headers[0]?.[0]).toBe('Host');
    const items = await waitFor(async () => ((await list()).length === 2 ? list() : null), {
      what: 'replayed capture',
    });
    const again = items.find((c) => c.id !== first!.id)!;
    const bytes = async (id: number) =>
      Buffer.from(
        await (
          await fetch(`${ui.url}/api/captures/${id}/body`, {
            headers: { Authorization: `Bearer ${ui.token}` },
          })
        ).arrayBuffer(),
      );
    expect((await bytes(again.id)).equals(await bytes(first!.id))).toBe(true);

    const history = await api<ReplaySummary[]>('GET', `/api/captures/${first!.id}/replays`);
    expect(history.json.map((h) => h.replayId)).toEqual([r.json.replayId]);

    const refused = await api<{ code: string; message: string }>(
      'POST',
      `/api/captures/${first!.id}/replay`,
      {
        mode: 'exact',
        targetUrl: 'http://192.0.2.1/webhook',
      },
    );
    expect(refused.status).toBe(403);

    const report = await api<HandlerReport>('POST', '/api/handler-report', {
      targetUrl: strict.url,
      captureId: first!.id,
    });
    expect(report.status).toBe(200);
    expect(report.json.vulnerable).toBe(0);
    expect(report.json.rows.find((x) => x.check === 'valid-resigned')?.verdict).toBe('ok');
  });
});
