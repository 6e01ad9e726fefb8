// Test fixture: a real `switchboard serve` (engine + browser mode) on ephemeral ports with a
// temporary data dir, plus helpers to send webhooks from Node exactly as an agent would.
// restart() stops it and starts a new one on the same data dir (captures must survive).
import { test as base } from '@playwright/test';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServe, type ServeProcess } from '../helpers/spawn-serve';

export interface ServeHandle {
  uiUrl: string;
  baseUrl: string;
  receiverUrl: string;
  token: string;
  dataDir: string;
  restart(): Promise<void>;
  /** GET/PUT a JSON API route with the bearer token (test-side setup and assertions). */
  api<T>(path: string, init?: RequestInit): Promise<T>;
  webhookSecret(): Promise<string>;
}

type Running = ServeProcess;

const startServe = (dataDir: string, token: string): Promise<Running> =>
  spawnServe({
    dataDir,
    token,
    // Settings (not env) hold the secret, so tests can change it in the UI.
    env: { SWITCHBOARD_WEBHOOK_SECRET: '' },
    extraArgs: ['--static-dir', 'dist/renderer'],
  });

const stopServe = (r: Running): Promise<void> => r.stop();

export const test = base.extend<{ sb: ServeHandle }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  sb: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-e2e-'));
    const token = randomBytes(16).toString('hex');
    let running = await startServe(dataDir, token);
    const handle: ServeHandle = {
      get uiUrl() {
        return running.uiUrl;
      },
      get baseUrl() {
        return new URL(running.uiUrl).origin;
      },
      get receiverUrl() {
        return running.receiverUrl;
      },
      token,
      dataDir,
      async restart() {
        await stopServe(running);
        running = await startServe(dataDir, token);
      },
      async api<T>(path: string, init: RequestInit = {}) {
        const res = await fetch(new URL(path, running.uiUrl), {
          ...init,
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        });
        if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
        return (await res.json()) as T;
      },
      async webhookSecret() {
        const { value } = await handle.api<{ value: string }>('/api/settings/reveal', {
          method: 'POST',
          body: JSON.stringify({ key: 'webhookSecret' }),
        });
        return value;
      },
    };
    await use(handle);
    await stopServe(running);
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';

/** Sends a tutorial-style webhook; `secret` signs it (HMAC-SHA256 over the exact bytes) and adds
 *  X-A2A-Timestamp; without it nothing is verifiable and the verdict is `unverified`. */
export async function sendWebhook(
  receiverUrl: string,
  opts: { taskId: string; secret?: string; badSignature?: boolean; path?: string },
): Promise<Response> {
  const body = JSON.stringify({ taskId: opts.taskId, status: 'completed', preview: 'hello' });
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-a2a-task-id': opts.taskId,
  };
  if (opts.secret !== undefined) {
    headers['x-a2a-timestamp'] = String(Math.floor(Date.now() / 1000));
    const mac = createHmac('sha256', opts.secret).update(body).digest('hex');
    headers['x-a2a-signature'] =
      `sha256=${opts.badSignature ? mac.replace(/^./, mac[0] === 'a' ? 'b' : 'a') : mac}`;
  }
  return fetch(receiverUrl.replace(/\/$/, '') + (opts.path ?? '/webhook'), {
    method: 'POST',
    headers,
    body,
  });
}

/** Sends `total` signed webhooks with task ids `${prefix}-0` ... in parallel batches. */
export async function sendWebhooks(
  receiverUrl: string,
  opts: { prefix: string; total: number; secret: string; batch?: number },
): Promise<void> {
  const batch = opts.batch ?? 100;
  for (let i = 0; i < opts.total; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, opts.total - i) }, (_, j) =>
        sendWebhook(receiverUrl, { taskId: `${opts.prefix}-${i + j}`, secret: opts.secret }),
      ),
    );
  }
}
