// Starts a real engine (SQLite in a temp dir, receiver on 127.0.0.1:0) and, optionally, browser
// mode on port 0. Secrets come from a test env built here, never from the developer's shell.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine, type Engine } from '../../electron/engine/engine';
import { startBrowserMode, type BrowserMode } from '../../electron/serve';
import { createSettingsStore } from '../../electron/engine/settings';

export interface TestEngine {
  engine: Engine;
  dataDir: string;
  receiverUrl: string;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
  cleanup(): Promise<void>;
}

export function testSecrets() {
  return {
    SWITCHBOARD_WEBHOOK_SECRET: 'test-hmac-' + randomBytes(8).toString('hex'),
    SWITCHBOARD_JWT_SECRET: 'test-jwt-' + randomBytes(8).toString('hex'),
  };
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'switchboard-test-'));
}

export async function startTestEngine(
  /** portFromSettings: no --receiver-port flag; the port (0) is a saved setting the test may change. */
  opts: {
    dataDir?: string;
    env?: NodeJS.ProcessEnv;
    portFromSettings?: boolean;
    verifyWorkers?: number;
  } = {},
): Promise<TestEngine> {
  const dataDir = opts.dataDir ?? tempDataDir();
  const env = opts.env ?? testSecrets();
  if (opts.portFromSettings) createSettingsStore({ dataDir, env }).update({ receiverPort: 0 });
  const script = new URL('../../electron/engine/captures/verify-worker.ts', import.meta.url).href;
  const workers = opts.verifyWorkers
    ? { verifyWorkers: { count: opts.verifyWorkers, script } }
    : {};
  const engine = createEngine(
    opts.portFromSettings
      ? { dataDir, env, ...workers }
      : { dataDir, receiverPort: 0, env, ...workers },
  );
  await engine.start();
  const info = await engine.handlers.receiverInfo({});
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await engine.stop();
  };
  return {
    engine,
    dataDir,
    env,
    receiverUrl: info.url,
    stop,
    async cleanup() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startTestServe(t: TestEngine): Promise<BrowserMode & { token: string }> {
  const token = randomBytes(16).toString('hex');
  const ui = await startBrowserMode({
    engine: t.engine,
    port: 0,
    token,
    staticDir: join(tmpdir(), 'no-ui-build'),
  });
  return { ...ui, token };
}

/** POSTs to the receiver and resolves once the engine has verified and announced the capture. */
export async function postAndSettle(
  t: TestEngine,
  path: string,
  init: RequestInit,
): Promise<{ res: Response; captureId: number }> {
  const announced = new Map<number, true>();
  const off = t.engine.events.on((e) => {
    if (e.type === 'capture') announced.set(e.capture.id, true);
  });
  try {
    const res = await fetch(`${t.receiverUrl}${path}`, { method: 'POST', ...init });
    const text = await res.clone().text();
    const captureId = (JSON.parse(text) as { captureId?: number }).captureId;
    if (captureId === undefined) return { res, captureId: -1 };
    const { waitFor } = await import('./wait-for');
    await waitFor(() => announced.has(captureId), { what: `capture #${captureId} verified` });
    return { res, captureId };
  } finally {
    off();
  }
}
