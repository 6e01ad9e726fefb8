// Test helpers for the replay domain: a temp SQLite store with the replay service wired to it,
// and captures built the way the tutorial's enterprise agent sends them (inserted directly).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent } from '../../../shared/events';
import type { HeaderPair, Settings } from '../../../shared/model';
import {
  createReplayService,
  type ReplayService,
} from '../../../electron/engine/replay/replay-service';
import { DEFAULT_SETTINGS } from '../../../shared/model';
import {
  createCapturesRepo,
  type CapturesRepo,
} from '../../../electron/engine/store/captures-repo';
import { openDatabase, type Db } from '../../../electron/engine/store/open-store';
import { createReplaysRepo, type ReplaysRepo } from '../../../electron/engine/store/replays-repo';
import { tutorialWebhook } from '../../helpers/tutorial-webhook';

export interface ReplayStore {
  dataDir: string;
  db: Db;
  captures: CapturesRepo;
  replays: ReplaysRepo;
  svc: ReplayService;
  settings: Settings;
  events: EngineEvent[];
  cleanup(): void;
}

export function replayStore(receiverUrl = 'http://127.0.0.1:9'): ReplayStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-replay-'));
  const db = openDatabase(dataDir);
  const captures = createCapturesRepo(db);
  const replays = createReplaysRepo(db);
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    webhookSecret: 'hmac-' + randomBytes(8).toString('hex'),
    jwtSecret: 'jwt-' + randomBytes(8).toString('hex'),
    standardWebhooksSecret: 'whsec_' + randomBytes(24).toString('base64'),
    jwtIssuer: 'enterprise-a2a-agent',
    jwtAudience: 'client-webhook',
  };
  const events: EngineEvent[] = [];
  const svc = createReplayService({
    captures,
    replays,
    settings: () => settings,
    emit: (e) => events.push(e),
    receiverUrl: () => receiverUrl,
  });
  return {
    dataDir,
    db,
    captures,
    replays,
    svc,
    settings,
    events,
    cleanup() {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Inserts a tutorial enterprise webhook (HMAC + JWT) as the receiver would have stored it. */
export async function insertTutorialCapture(
  s: ReplayStore,
  opts: {
    taskId?: string;
    receivedAt?: number;
    jwt?: boolean;
    body?: string;
    extraHeaders?: HeaderPair[];
  } = {},
): Promise<{ id: number; body: Buffer; headers: HeaderPair[]; taskId: string }> {
  const w = await tutorialWebhook({
    webhookSecret: s.settings.webhookSecret,
    ...(opts.jwt === false ? {} : { jwtSecret: s.settings.jwtSecret }),
    ...(opts.taskId ? { taskId: opts.taskId } : {}),
    ...(opts.body ? { body: opts.body } : {}),
  });
  const body = Buffer.from(w.body);
  const headers: HeaderPair[] = [
    ['Host', 'localhost:9000'],
    ['Accept-Encoding', 'gzip, deflate'],
    ['Connection', 'keep-alive'],
    ['User-Agent', 'python-httpx/0.28.1'],
    ...Object.entries(w.headers),
    ...(opts.extraHeaders ?? []),
    ['Content-Length', String(body.byteLength)],
  ];
  const id = s.captures.insert({
    receivedAt: opts.receivedAt ?? Date.now(),
    method: 'POST',
    path: '/webhook',
    query: '',
    headers,
    body,
    remoteAddress: '127.0.0.1',
    taskId: w.taskId,
    contentType: 'application/json',
    source: 'receiver',
  });
  return { id, body, headers, taskId: w.taskId };
}

export const targetArgs = (targetUrl?: string) => ({
  ...(targetUrl ? { targetUrl } : {}),
  confirmNonLoopback: false,
  followRedirects: false,
  timeoutMs: 5000,
});
