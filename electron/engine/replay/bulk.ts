// Bulk replay: a filtered set of captures (or all webhooks of a task) in original order, with a
// concurrency and rate limit or the original spacing, progress events (throttled) and cancel.
// Runs in the background; start() returns at once with the first progress snapshot.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { ApiError } from '../../../shared/api/define';
import type { BulkProgress } from '../../../shared/api/replay';
import type { CaptureFilter } from '../store/captures-repo';
import {
  readSource,
  type NewReplay,
  type ReplaySourceRow,
  type SourceColumns,
} from '../store/replays-repo';
import { prepareExact, prepareResigned } from './prepare';
import { createRawConnection } from './raw-client';
import type { ReplayService, TargetArgs } from './replay-service';
import { checkTarget } from './target';

export interface BulkArgs extends TargetArgs {
  selection: CaptureFilter & { captureIds?: number[] | undefined };
  mode: 'exact' | 'resigned';
  concurrency: number;
  ratePerSec: number;
  originalSpacing: boolean;
  maxGapMs: number;
}

interface Run {
  progress: BulkProgress;
  controller: AbortController;
  done: Promise<BulkProgress>;
}

const PROGRESS_EVERY_MS = 100;
/** Replays written per transaction in bulk runs (flushed at least at every progress event). */
const WRITE_BATCH = 100;
/** Captures read per query in bulk runs. */
const READ_AHEAD = 200;
const KEEP_FINISHED = 50;

export function createBulkRunner(svc: ReplayService) {
  const runs = new Map<string, Run>();

  function select(sel: BulkArgs['selection']): number[] {
    if (sel.captureIds?.length) return [...new Set(sel.captureIds)].sort((a, b) => a - b);
    const ids: number[] = [];
    let cursor: string | undefined;
    do {
      const page = svc.deps.captures.list(sel, 1000, cursor);
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids.sort((a, b) => a - b);
  }

  function start(args: BulkArgs): BulkProgress {
    // Checked before anything runs, so a refused target is an immediate, clear error.
    const fixed = args.targetUrl ? checkTarget(args.targetUrl, args.confirmNonLoopback) : null;
    const ids = select(args.selection);
    if (ids.length === 0)
      throw new ApiError(404, 'empty_selection', 'No captures match this selection.');
    if (fixed) svc.remember(fixed);
    const bulkId = `bulk-${randomUUID()}`;
    const controller = new AbortController();
    const progress: BulkProgress = {
      bulkId,
      total: ids.length,
      done: 0,
      ok: 0,
      failed: 0,
      state: 'running',
      elapsedMs: 0,
    };
    const run: Run = { progress, controller, done: Promise.resolve(progress) };
    // Never an unhandled rejection (e.g. the store closed under a running bulk at shutdown).
    run.done = execute(run, ids, args, fixed).catch(() => {
      progress.state = 'cancelled';
      return { ...progress };
    });
    runs.set(bulkId, run);
    for (const [key, r] of runs) {
      if (runs.size <= KEEP_FINISHED) break;
      if (r.progress.state !== 'running') runs.delete(key);
    }
    return { ...progress };
  }

  async function execute(
    run: Run,
    ids: number[],
    args: BulkArgs,
    fixed: URL | null,
  ): Promise<BulkProgress> {
    const p = run.progress;
    const signal = run.controller.signal;
    // One abort listener per in-flight request: up to `concurrency` at once, by design.
    setMaxListeners(0, signal);
    const started = performance.now();
    const concurrency = args.originalSpacing ? 1 : args.concurrency;
    const agentOpts = { keepAlive: true, maxSockets: concurrency };
    const agents = { http: new http.Agent(agentOpts), https: new https.Agent(agentOpts) };
    let pending: NewReplay[] = [];
    const flush = () => {
      const batch = pending;
      pending = [];
      try {
        svc.deps.replays.insertMany(batch);
      } catch {
        // The store is gone (engine stopping): the sends happened, their records cannot be kept.
        run.controller.abort();
      }
    };
    const store = (record: NewReplay) => {
      pending.push(record);
      if (pending.length >= WRITE_BATCH) flush();
    };
    let lastEmit = 0;
    const emit = (force: boolean) => {
      p.elapsedMs = Math.round(performance.now() - started);
      if (!force && p.elapsedMs - lastEmit < PROGRESS_EVERY_MS) return;
      lastEmit = p.elapsedMs;
      // Progress never runs ahead of the store: what is reported done is stored.
      flush();
      svc.deps.emit({ type: 'replay-progress', progress: { ...p } });
    };
    const interval = args.ratePerSec > 0 ? 1000 / args.ratePerSec : 0;
    let nextSlot = performance.now();
    let next = 0;
    let prevReceivedAt: number | null = null;

    // Captures are read ahead in chunks (one query each) instead of two queries per replay, and
    // kept as SQLite's rows until their turn (readSource says why).
    const cache = new Map<number, SourceColumns>();
    const source = (index: number): ReplaySourceRow | undefined => {
      const id = ids[index] as number;
      if (!cache.has(id)) {
        for (const row of svc.deps.replays.sources(ids.slice(index, index + READ_AHEAD)))
          cache.set(row[0], row);
      }
      const row = cache.get(id);
      cache.delete(id);
      return row && readSource(row);
    };
    const worker = async () => {
      // Redirect handling lives in the node:http path; plain runs use the lean raw client.
      const raw = args.followRedirects ? null : createRawConnection();
      while (!signal.aborted && next < ids.length) {
        const index = next++;
        const id = ids[index] as number;
        try {
          const c = source(index);
          if (!c) throw new Error(`capture ${id} was deleted`);
          if (args.originalSpacing && prevReceivedAt !== null) {
            await sleep(
              Math.min(Math.max(0, c.detail.receivedAt - prevReceivedAt), args.maxGapMs),
              signal,
            );
          }
          prevReceivedAt = c.detail.receivedAt;
          if (interval > 0) {
            const slot = Math.max(nextSlot, performance.now());
            nextSlot = slot + interval;
            await sleep(slot - performance.now(), signal);
          }
          if (signal.aborted) break;
          const url = fixed ?? svc.target(c, args);
          const prepared =
            args.mode === 'exact'
              ? prepareExact(c.detail, c.body)
              : prepareResigned(c.detail, c.body, svc.keys(), svc.now());
          const agent = url.protocol === 'https:' ? agents.https : agents.http;
          const record = await svc.exchange(id, url, prepared, args, {
            mode: args.mode,
            attack: null,
            groupId: p.bulkId,
            agent,
            signal,
            ...(raw ? { sender: raw.send } : {}),
          });
          store(record);
          const status = record.response.status;
          if (status !== null && status < 400) p.ok++;
          else p.failed++;
        } catch {
          p.failed++;
        }
        p.done++;
        emit(false);
      }
      raw?.close();
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
    agents.http.destroy();
    agents.https.destroy();
    p.state = signal.aborted ? 'cancelled' : 'finished';
    emit(true);
    return { ...p };
  }

  function find(bulkId: string): Run {
    const run = runs.get(bulkId);
    if (!run)
      throw new ApiError(
        404,
        'not_found',
        `No bulk replay ${bulkId} (finished long ago or never started).`,
      );
    return run;
  }

  return {
    start,
    /** The capture ids a selection means (explicit ids, or everything matching the filter). */
    select,
    get: (bulkId: string): BulkProgress => ({ ...find(bulkId).progress }),
    cancel(bulkId: string): BulkProgress {
      const run = find(bulkId);
      run.controller.abort();
      return { ...run.progress };
    },
    /** Resolves when the run ends (CLI, tests, benchmark). */
    wait: (bulkId: string): Promise<BulkProgress> => find(bulkId).done,
    cancelAll(): void {
      for (const r of runs.values()) r.controller.abort();
    },
  };
}

export type BulkRunner = ReturnType<typeof createBulkRunner>;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
