// createReplayHandlers(ctx): the replay domain's API handlers (shared/api/replay.ts), merged
// into the engine's handler table by engine.ts. Owns the bulk runner of this engine instance.
import type { HandlersOf } from '../../../shared/api/define';
import { ApiError } from '../../../shared/api/define';
import type { ReplayOps } from '../../../shared/api/replay';
import { reverifyStored } from '../captures/verify-and-save';
import type { EngineContext } from '../context';
import { createCapturesRepo } from '../store/captures-repo';
import { createJtiRepo } from '../store/jti-repo';
import { createReplaysRepo } from '../store/replays-repo';
import { APP_VERSION } from '../version';
import { createBulkRunner } from './bulk';
import { curlCommand } from '../../../shared/curl';
import { harDocument, harEntry } from './har-export';
import { parseHar } from './har-import';
import { runHandlerReport } from './handler-report';
import { replayCapture } from './replay-one';
import { createReplayService } from './replay-service';
import { defaultTarget } from './target';

export type ReplayHandlers = HandlersOf<ReplayOps>;

export function createReplayHandlers(ctx: EngineContext): ReplayHandlers {
  const captures = createCapturesRepo(ctx.db);
  const replays = createReplaysRepo(ctx.db);
  const jti = createJtiRepo(ctx.db);
  const svc = createReplayService({
    captures,
    replays,
    settings: () => ctx.settings.get(),
    emit: ctx.emit,
    receiverUrl: ctx.receiverUrl,
    ...(ctx.replayMarks ? { marks: ctx.replayMarks } : {}),
  });
  const bulk = createBulkRunner(svc);
  ctx.onStop?.(() => bulk.cancelAll());
  const notFound = (what: string) =>
    new ApiError(404, 'not-found', `${what} does not exist (deleted?).`);

  return {
    replayCapture: (args) => replayCapture(svc, args),
    listReplays: ({ id, limit }) => Promise.resolve(replays.listForCapture(id, limit)),
    getReplay: ({ replayId }) => {
      const r = replays.get(replayId);
      return r ? Promise.resolve(r) : Promise.reject(notFound(`Replay ${replayId}`));
    },
    getReplayBody: ({ replayId, which }) => {
      const b = replays.body(replayId, which);
      return b ? Promise.resolve(b) : Promise.reject(notFound(`Replay ${replayId}`));
    },
    recentTargets: () => Promise.resolve({ targets: replays.recentTargets() }),
    startBulkReplay: (args) => Promise.resolve(bulk.start(args)),
    getBulkReplay: ({ bulkId }) => Promise.resolve(bulk.get(bulkId)),
    cancelBulkReplay: ({ bulkId }) => Promise.resolve(bulk.cancel(bulkId)),
    handlerReport: (args) => runHandlerReport(svc, args),
    captureAsCurl: ({ id, targetUrl }) => {
      const c = svc.load(id);
      const url = targetUrl ?? defaultTarget(ctx.receiverUrl(), c.detail);
      return Promise.resolve({
        command: curlCommand(c.detail.method, url, c.detail.headers, c.body),
      });
    },
    // async: a refused selection must reach callers as a rejected promise, never a throw.
    exportHar: async ({ selection }) => {
      const entries = [];
      const missing: number[] = [];
      for (const id of bulk.select(selection)) {
        const detail = captures.get(id);
        const body = captures.body(id);
        if (!detail || !body) missing.push(id);
        else entries.push(harEntry(detail, body, ctx.receiverUrl()));
      }
      if (entries.length === 0)
        throw new ApiError(
          404,
          'empty-selection',
          missing.length
            ? `None of the chosen captures exist any more (${missing.join(', ')}).`
            : 'No captures match this selection.',
        );
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return {
        fileName: `switchboard-${stamp}.har`,
        har: harDocument(entries, APP_VERSION),
        exported: entries.length,
        missing,
      };
    },
    importHar: async ({ har }) => {
      const parsed = parseHar(har, Date.now());
      const ids: number[] = [];
      for (const { capture } of parsed.captures) {
        const id = captures.insert(capture);
        ids.push(id);
        // Imported requests are verified exactly like live ones (same library, same settings).
        await reverifyStored({ captures, jti, settings: () => ctx.settings.get() }, id);
        const summary = captures.summary(id);
        if (summary) ctx.emit({ type: 'capture', capture: summary });
      }
      return { imported: ids.length, ids, skipped: parsed.skipped };
    },
  };
}
