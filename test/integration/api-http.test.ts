// Browser mode's HTTP binding: token, Host and Origin rules, routes derived from the contract,
// errors as JSON, exact body bytes, and live events over SSE.
import { afterEach, describe, expect, it } from 'vitest';
import {
  postAndSettle,
  startTestEngine,
  startTestServe,
  type TestEngine,
} from '../helpers/engine-fixture';
import { tutorialWebhook } from '../helpers/tutorial-webhook';
import { waitFor } from '../helpers/wait-for';
import { MASKED_SECRET } from '../../shared/model';
import { request as httpRequest } from 'node:http';

let t: TestEngine;
let ui: Awaited<ReturnType<typeof startTestServe>>;
afterEach(async () => {
  await ui?.close();
  await t?.cleanup();
});

async function setup() {
  t = await startTestEngine();
  ui = await startTestServe(t);
  return { auth: { Authorization: `Bearer ${ui.token}` } };
}

/** fetch() cannot forge Host; node:http can. */
function rawGet(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local HTTP API', () => {
  it('requires the token', async () => {
    const { auth } = await setup();
    expect((await fetch(`${ui.url}/api/health`)).status).toBe(401);
    expect(
      (await fetch(`${ui.url}/api/health`, { headers: { Authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const ok = await fetch(`${ui.url}/api/health`, { headers: auth });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('turns ?token= into an HttpOnly SameSite=Strict cookie that then works alone', async () => {
    await setup();
    const res = await fetch(`${ui.url}/api/health?token=${ui.token}`);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const again = await fetch(`${ui.url}/api/health`, {
      headers: { Cookie: cookie.split(';')[0]! },
    });
    expect(again.status).toBe(200);
  });

  it('rejects foreign Host (DNS rebinding) and foreign Origin', async () => {
    const { auth } = await setup();
    expect(await rawGet(ui.port, '/api/health', { ...auth, Host: `evil.example:${ui.port}` })).toBe(
      403,
    );
    expect(await rawGet(ui.port, '/api/health', { ...auth, Host: `localhost:${ui.port}` })).toBe(
      200,
    );
    const cross = await fetch(`${ui.url}/api/health`, {
      headers: { ...auth, Origin: 'https://evil.example' },
    });
    expect(cross.status).toBe(403);
    const own = await fetch(`${ui.url}/api/health`, { headers: { ...auth, Origin: ui.url } });
    expect(own.status).toBe(200);
  });

  it('serves captures, exact bytes, filters and validation errors', async () => {
    const { auth } = await setup();
    const secret = t.env['SWITCHBOARD_WEBHOOK_SECRET']!;
    const hook = await tutorialWebhook({
      webhookSecret: secret,
      body: '{"taskId": "t-1", "preview": "caf\\u00e9"}\n',
    });
    await postAndSettle(t, '/webhook', { headers: hook.headers, body: hook.body });
    const list = (await (
      await fetch(`${ui.url}/api/captures?limit=10&verdict=valid`, { headers: auth })
    ).json()) as {
      items: { id: number; taskId: string }[];
      nextCursor: null;
    };
    expect(list.items).toHaveLength(1);
    expect(list.items[0]!.taskId).toBe(hook.taskId);
    const id = list.items[0]!.id;
    const detail = (await (
      await fetch(`${ui.url}/api/captures/${id}`, { headers: auth })
    ).json()) as { headers: [string, string][] };
    expect(detail.headers.some(([n]) => n === 'X-A2A-Signature')).toBe(true);
    const body = await fetch(`${ui.url}/api/captures/${id}/body`, { headers: auth });
    expect(body.headers.get('content-type')).toContain('application/octet-stream');
    expect(Buffer.from(await body.arrayBuffer()).toString()).toBe(hook.body);
    const count = (await (
      await fetch(`${ui.url}/api/captures/count`, { headers: auth })
    ).json()) as { count: number };
    expect(count.count).toBe(1);
    const bad = await fetch(`${ui.url}/api/captures?limit=abc`, { headers: auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('limit');
    const missing = await fetch(`${ui.url}/api/captures/9999`, { headers: auth });
    expect(missing.status).toBe(404);
    const del = await fetch(`${ui.url}/api/captures/${id}`, { method: 'DELETE', headers: auth });
    expect(await del.json()).toEqual({ deleted: true });
  });

  it('pushes new captures over /api/events', async () => {
    const { auth } = await setup();
    const controller = new AbortController();
    const res = await fetch(`${ui.url}/api/events`, { headers: auth, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })().catch(() => undefined);
    await fetch(`${t.receiverUrl}/hook`, { method: 'POST', body: '{"taskId":"sse-1"}' });
    await waitFor(() => text.includes('"type":"capture"') && text.includes('sse-1'), {
      what: 'capture event',
    });
    controller.abort();
    await pump;
  });

  it('returns effective settings with where each value comes from', async () => {
    const { auth } = await setup();
    const view = (await (await fetch(`${ui.url}/api/settings`, { headers: auth })).json()) as {
      settings: { webhookSecret: string };
      sources: Record<string, string>;
    };
    expect(view.sources['webhookSecret']).toBe('env');
    // Secrets are masked in every view; only the reveal operation gives a value.
    const body = JSON.stringify(view);
    expect(body).not.toContain(t.env['SWITCHBOARD_WEBHOOK_SECRET']);
    expect(body).not.toContain(t.env['SWITCHBOARD_JWT_SECRET']);
    expect(view.settings.webhookSecret).toBe(MASKED_SECRET);
    const reveal = await fetch(`${ui.url}/api/settings/reveal`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'webhookSecret' }),
    });
    expect(await reveal.json()).toEqual({ value: t.env['SWITCHBOARD_WEBHOOK_SECRET'] });
  });

  it('keeps a secret when a patch echoes the mask back', async () => {
    const { auth } = await setup();
    const put = await fetch(`${ui.url}/api/settings`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ patch: { notificationToken: MASKED_SECRET, clockToleranceSec: 31 } }),
    });
    expect(put.status).toBe(200);
    const { value } = await t.engine.handlers.revealSecret({ key: 'notificationToken' });
    expect(value).not.toBe(MASKED_SECRET);
    expect(value.length).toBeGreaterThanOrEqual(32);
  });
});
