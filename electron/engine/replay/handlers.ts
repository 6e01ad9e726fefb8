// createReplayDomain(ctx): the replay domain's API handlers (shared/api/replay.ts), merged
// into the engine's handler table by engine.ts. Owns the bulk runner of this engine instance
// (cancelled on stop). HAR import is the captures domain's (one ingest path).
import type { HandlersOf } from '../../../shared/api/define';
import { ApiError } from '../../../shared/api/define';
import type { ReplayOps } from '../../../shared/api/replay';
import type { EngineContext } from '../context';
import { createReplaysRepo } from '../store/replays-repo';
import { createBulkRunner } from './bulk';
import { curlCommand } from '../../../shared/curl';
import { harDocument, harEntry } from './har-export';
import { runHandlerReport } from './handler-report';
import { replayCapture } from './replay-one';
import { createReplayService } from './replay-service';
import { defaultTarget } from './target';

export type ReplayHandlers = Omit<HandlersOf<ReplayOps>, 'importHar'>;

export function createReplayDomain(ctx: EngineContext): { handlers: ReplayHandlers; stop(): void } {
  const { captures } = ctx;
  const replays = createReplaysRepo(ctx.db);
  const svc = createReplayService({
    captures,
    replays,
    settings: () => ctx.settings.get(),
    emit: ctx.emit,
    receiverUrl: ctx.receiverUrl,
    marks: ctx.replayMarks,
  });
  const bulk = createBulkRunner(svc);
  const notFound = (what: string) =>
    new ApiError(404, 'not_found', `${what} does not exist (deleted?).`);

  const handlers: ReplayHandlers = {
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
          'empty_selection',
          missing.length
            ? `None of the chosen captures exist any more (${missing.join(', ')}).`
            : 'No captures match this selection.',
        );
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      return {
        fileName: `switchboard-${stamp}.har`,
        har: harDocument(entries, ctx.version),
        exported: entries.length,
        missing,
      };
    },
  };
  return { handlers, stop: () => bulk.cancelAll() };
}
