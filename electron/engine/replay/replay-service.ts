// The replay service: loads a capture, prepares the request for the chosen mode or attack,
// sends it, stores what was sent and what came back (linked to the capture) and
// remembers the target. Used by the API handlers, bulk runs, the handler report and the CLI.
import type http from 'node:http';
import { ApiError } from '../../../shared/api/define';
import type { AttackName, ReplayMode, ReplayResult } from '../../../shared/api/replay';
import type { EngineEvent } from '../../../shared/events';
import type { Settings } from '../../../shared/model';
import type { CapturesRepo } from '../store/captures-repo';
import type { NewReplay, ReplaysRepo } from '../store/replays-repo';
import type { CaptureWithBody } from './attacks';
import { sendRequest, type SendOptions, type SendOutcome, type WireRequest } from './http-send';
import type { Prepared } from './prepare';
import type { SigningKeys } from './resign';
import { isLoopbackHost } from '../../../shared/host-scope';
import { decodeUtf8Lossy } from '../../../shared/verify/bytes';
import { checkTarget, defaultTarget } from './target';
import { nodeCrypto } from '../captures/node-crypto';
import type { ReplayMarks } from './replay-marks';

/** Response bytes kept per replay: enough for any webhook answer, bounded for huge ones. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

export interface ReplayDeps {
  captures: CapturesRepo;
  replays: ReplaysRepo;
  settings: () => Settings;
  emit: (event: EngineEvent) => void;
  receiverUrl: () => string;
  now?: () => number;
  marks?: ReplayMarks;
}

export interface TargetArgs {
  targetUrl?: string | undefined;
  confirmNonLoopback: boolean;
  followRedirects: boolean;
  timeoutMs: number;
}

export interface SendMeta {
  mode: ReplayMode;
  attack: AttackName | null;
  groupId: string | null;
  related?: number[];
  agent?: http.Agent;
  signal?: AbortSignal;
  /** Sends with this instead of node:http (bulk runs use a raw keep-alive connection). */
  sender?: (req: WireRequest, opts: SendOptions) => Promise<SendOutcome>;
}

export function createReplayService(deps: ReplayDeps) {
  const now = deps.now ?? Date.now;

  function load(id: number): CaptureWithBody {
    const detail = deps.captures.get(id);
    const body = deps.captures.body(id);
    if (!detail || !body)
      throw new ApiError(404, 'not_found', `Capture ${id} does not exist (deleted?).`);
    return { detail, body };
  }

  function target(c: { detail: { path: string; query: string } }, args: TargetArgs): URL {
    return checkTarget(
      args.targetUrl ?? defaultTarget(deps.receiverUrl(), c.detail),
      args.confirmNonLoopback,
    );
  }

  function keys(): SigningKeys {
    const s = deps.settings();
    return {
      webhookSecret: s.webhookSecret,
      jwtSecret: s.jwtSecret,
      standardWebhooksSecret: s.standardWebhooksSecret,
    };
  }

  /** Sends and returns the record to store; bulk runs batch these writes themselves. */
  async function exchange(
    captureId: number,
    url: URL,
    prepared: Prepared,
    args: TargetArgs,
    meta: SendMeta,
  ): Promise<NewReplay> {
    const createdAt = now();
    if (deps.marks && url.origin === new URL(deps.receiverUrl()).origin)
      deps.marks.expect(url.pathname, prepared.body);
    const out = await (meta.sender ?? sendRequest)(
      { method: prepared.method, url, headers: prepared.headers, body: prepared.body },
      {
        timeoutMs: args.timeoutMs,
        maxResponseBytes: MAX_RESPONSE_BYTES,
        followRedirects: args.followRedirects,
        // Why: a loopback target must not bounce the captured credentials off the machine.
        checkRedirect: (next) =>
          isLoopbackHost(next.hostname) || args.confirmNonLoopback
            ? null
            : 'it leaves this machine (not confirmed)',
        ...(meta.agent ? { agent: meta.agent } : {}),
        ...(meta.signal ? { signal: meta.signal } : {}),
      },
    );
    return {
      captureId,
      createdAt,
      targetUrl: url.href,
      mode: meta.mode,
      attack: meta.attack,
      groupId: meta.groupId,
      sent: {
        method: prepared.method,
        url: out.sentUrl,
        headers: out.sentHeaders,
        body: prepared.body,
        sha256: nodeCrypto.sha256Hex(prepared.body),
        // The capture's bytes as they are (exact, re-signed, unedited): stored as a reference.
        bodyIsCapture: sameBytes(prepared.body, prepared.source),
      },
      changes: prepared.changes,
      related: meta.related ?? [],
      response: {
        status: out.status,
        headers: out.headers,
        body: out.body,
        truncated: out.truncated,
        latencyMs: Math.round(out.latencyMs * 100) / 100,
        error: out.error,
      },
    };
  }

  /** Sends, stores the replay and returns it as the API shows it. */
  async function send(
    captureId: number,
    url: URL,
    prepared: Prepared,
    args: TargetArgs,
    meta: SendMeta,
  ): Promise<ReplayResult> {
    const record = await exchange(captureId, url, prepared, args, meta);
    const { sent, response } = record;
    return {
      replayId: deps.replays.insert(record),
      captureId,
      targetUrl: record.targetUrl,
      mode: meta.mode,
      attack: meta.attack,
      status: response.status,
      latencyMs: response.latencyMs,
      responseHeaders: response.headers,
      responseBody: decodeUtf8Lossy(response.body),
      responseTruncated: response.truncated,
      sent: {
        method: sent.method,
        url: sent.url,
        headers: sent.headers,
        size: sent.body.byteLength,
        sha256: sent.sha256,
      },
      changes: record.changes,
      error: response.error,
      createdAt: record.createdAt,
      relatedIds: record.related,
    };
  }

  function remember(url: URL): void {
    deps.replays.rememberTarget(url.href, now());
  }

  return { load, target, keys, exchange, send, remember, now, settings: deps.settings, deps };
}

export type ReplayService = ReturnType<typeof createReplayService>;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a === b ||
    (a.byteLength === b.byteLength && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b))
  );
}
