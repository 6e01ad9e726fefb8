// Operations and result types of the replay domain: single replays (exact, edited, re-signed,
// attack presets), replay history, bulk replays with progress, the handler report, curl and HAR.
// Bodies cross the contract as text (UTF-8, lossy) for display; exact bytes go through the
// binary op `getReplayBody`. Non-loopback targets need `confirmNonLoopback: true` (the engine
// refuses them otherwise, so a renderer bug cannot send captured data off the machine).
import { z } from 'zod';
import { op } from './define';
import { CAPTURE_ORIGINS } from '../model';

export * from '../model/replay';
import { ATTACKS, REPLAY_MODES } from '../model/replay';
import type {
  BulkProgress,
  HandlerReport,
  HarImportResult,
  ReplayResult,
  ReplaySummary,
} from '../model/replay';

const id = z.coerce.number().int().positive();
const targetUrl = z.url().max(4096);
const headerPair = z.tuple([z.string().min(1).max(1024), z.string().max(65536)]);
const common = {
  confirmNonLoopback: z.boolean().default(false),
  followRedirects: z.boolean().default(false),
  timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
};
const edits = z.object({
  /** Replacement body as UTF-8 text, or as base64 for binary bodies. */
  body: z
    .string()
    .max(16 * 1024 * 1024)
    .optional(),
  bodyBase64: z
    .string()
    .max(24 * 1024 * 1024)
    .optional(),
  /** The complete replacement header list, in order. */
  headers: z.array(headerPair).max(500).optional(),
  /** Re-sign after editing (fresh signatures); otherwise signatures are sent as they were. */
  resign: z.boolean().default(false),
});
const bulkSelection = z.object({
  captureIds: z.array(id).max(100_000).optional(),
  taskId: z.string().max(512).optional(),
  verdict: z.enum(['valid', 'invalid', 'unverified']).optional(),
  path: z.string().max(2048).optional(),
  q: z.string().max(1024).optional(),
  source: z.enum(CAPTURE_ORIGINS).optional(),
});

export const replayOps = {
  replayCapture: op<ReplayResult>()({
    verb: 'POST',
    path: '/api/captures/:id/replay',
    args: z.object({
      id,
      targetUrl: targetUrl.optional(),
      mode: z.enum(REPLAY_MODES).default('exact'),
      attack: z.enum(ATTACKS).optional(),
      edits: edits.optional(),
      duplicates: z.number().int().min(2).max(100).default(3),
      ...common,
    }),
  }),
  listReplays: op<ReplaySummary[]>()({
    verb: 'GET',
    path: '/api/captures/:id/replays',
    args: z.object({ id, limit: z.coerce.number().int().min(1).max(1000).default(100) }),
  }),
  getReplay: op<ReplayResult>()({
    verb: 'GET',
    path: '/api/replays/:replayId',
    args: z.object({ replayId: id }),
  }),
  getReplayBody: op<Uint8Array>()({
    verb: 'GET',
    path: '/api/replays/:replayId/body',
    args: z.object({ replayId: id, which: z.enum(['sent', 'response']).default('sent') }),
    binary: true,
  }),
  recentTargets: op<{ targets: string[] }>()({
    verb: 'GET',
    path: '/api/replay/targets',
    args: z.object({}),
  }),
  startBulkReplay: op<BulkProgress>()({
    verb: 'POST',
    path: '/api/replay/bulk',
    args: z.object({
      selection: bulkSelection,
      targetUrl: targetUrl.optional(),
      mode: z.enum(['exact', 'resigned']).default('exact'),
      concurrency: z.number().int().min(1).max(64).default(4),
      /** Requests per second; 0 = unlimited. */
      ratePerSec: z.number().min(0).max(100_000).default(0),
      /** Keep the original gaps between captures (capped per gap), sent one at a time. */
      originalSpacing: z.boolean().default(false),
      maxGapMs: z.number().int().min(0).max(600_000).default(10_000),
      ...common,
    }),
  }),
  getBulkReplay: op<BulkProgress>()({
    verb: 'GET',
    path: '/api/replay/bulk/:bulkId',
    args: z.object({ bulkId: z.string().min(1).max(64) }),
  }),
  cancelBulkReplay: op<BulkProgress>()({
    verb: 'POST',
    path: '/api/replay/bulk/:bulkId/cancel',
    args: z.object({ bulkId: z.string().min(1).max(64) }),
  }),
  handlerReport: op<HandlerReport>()({
    verb: 'POST',
    path: '/api/handler-report',
    args: z.object({
      targetUrl,
      captureId: id,
      duplicates: z.number().int().min(2).max(100).default(3),
      ...common,
    }),
  }),
  captureAsCurl: op<{ command: string }>()({
    verb: 'GET',
    path: '/api/captures/:id/curl',
    args: z.object({ id, targetUrl: targetUrl.optional() }),
  }),
  /** `selection`: chosen capture ids or everything matching a filter. Ids that no longer exist
   *  are skipped and listed in `missing`; only an export with nothing left is an error. */
  exportHar: op<{ fileName: string; har: string; exported: number; missing: number[] }>()({
    verb: 'POST',
    path: '/api/har/export',
    args: z.object({ selection: bulkSelection }),
  }),
  importHar: op<HarImportResult>()({
    verb: 'POST',
    path: '/api/har/import',
    // Bounded below the HTTP binding's 64 MB JSON limit: both bindings refuse the same files.
    args: z.object({
      har: z
        .string()
        .min(2)
        .max(60 * 1024 * 1024),
    }),
  }),
};

export type ReplayOps = typeof replayOps;
