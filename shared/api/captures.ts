// Operations on captures, receiver, settings and the audit log (the engine issue).
import { z } from 'zod';
import { op } from './define';
import { CAPTURE_ORIGINS, secretKeySchema, settingsPatch } from '../model';
import type {
  AuditEntry,
  CaptureDetail,
  CaptureSummary,
  Health,
  Page,
  ReceiverInfo,
  ResponseRule,
  SettingsView,
  StoreInfo,
} from '../model';

const id = z.coerce.number().int().positive();

/** A response rule as set through the API (defaults filled in by the engine). */
export const responseRuleInput = z.object({
  id: z.string().min(1).max(64).optional(),
  method: z
    .string()
    .max(16)
    .regex(/^(\*|[A-Za-z]+)$/)
    .default('*'),
  path: z.string().min(1).max(2048).startsWith('/'),
  status: z.number().int().min(100).max(599).default(500),
  delayMs: z.number().int().min(0).max(120_000).default(0),
  body: z
    .string()
    .max(64 * 1024)
    .default(''),
  failNext: z.number().int().min(0).max(1_000_000).nullable().default(null),
  retryAfter: z
    .string()
    .max(64)
    .regex(/^[\w ,:+-]*$/, 'Retry-After is delay-seconds or an HTTP date')
    .default(''),
});
export type ResponseRuleInput = z.input<typeof responseRuleInput>;

export type { SettingsPatch } from '../model/settings';

export const captureOps = {
  health: op<Health>()({ verb: 'GET', path: '/api/health', args: z.object({}) }),
  receiverInfo: op<ReceiverInfo>()({ verb: 'GET', path: '/api/receiver', args: z.object({}) }),
  listCaptures: op<Page<CaptureSummary>>()({
    verb: 'GET',
    path: '/api/captures',
    args: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      cursor: z.string().max(64).optional(),
      /** Only captures with a greater id: a live view asking for what arrived since. */
      after: z.coerce.number().int().min(0).optional(),
      /** 'oldest': the page runs oldest first from just above `after` (a view deep in history
       *  asking for the rows newer than its head); its cursor is then the next page's `after`. */
      order: z.enum(['newest', 'oldest']).optional(),
      verdict: z.enum(['valid', 'invalid', 'unverified']).optional(),
      /** Task id or its beginning (prefix match). */
      taskId: z.string().max(512).optional(),
      path: z.string().max(2048).optional(),
      q: z.string().max(1024).optional(),
      source: z.enum(CAPTURE_ORIGINS).optional(),
    }),
  }),
  countCaptures: op<{ count: number }>()({
    verb: 'GET',
    path: '/api/captures/count',
    args: z.object({}),
  }),
  getCapture: op<CaptureDetail>()({
    verb: 'GET',
    path: '/api/captures/:id',
    args: z.object({ id }),
  }),
  getCaptureBody: op<Uint8Array>()({
    verb: 'GET',
    path: '/api/captures/:id/body',
    args: z.object({ id }),
    binary: true,
  }),
  deleteCapture: op<{ deleted: boolean }>()({
    verb: 'DELETE',
    path: '/api/captures/:id',
    args: z.object({ id }),
  }),
  clearCaptures: op<{ deleted: number }>()({
    verb: 'DELETE',
    path: '/api/captures',
    args: z.object({}),
  }),
  listAudit: op<Page<AuditEntry>>()({
    verb: 'GET',
    path: '/api/audit',
    args: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      cursor: z.string().max(64).optional(),
    }),
  }),
  getSettings: op<SettingsView>()({ verb: 'GET', path: '/api/settings', args: z.object({}) }),
  updateSettings: op<SettingsView>()({
    verb: 'PUT',
    path: '/api/settings',
    args: z.object({ patch: settingsPatch, reverify: z.boolean().default(false) }),
  }),
  getStoreInfo: op<StoreInfo>()({ verb: 'GET', path: '/api/store', args: z.object({}) }),
  /** Applies the retention settings now (it also runs in the background). */
  applyRetention: op<StoreInfo>()({
    verb: 'POST',
    path: '/api/store/retention',
    args: z.object({}),
  }),
  /** The one way to read a secret's value (settings views carry MASKED_SECRET). */
  revealSecret: op<{ value: string }>()({
    verb: 'POST',
    path: '/api/settings/reveal',
    args: z.object({ key: secretKeySchema }),
  }),
  regenerateSecret: op<SettingsView>()({
    verb: 'POST',
    path: '/api/settings/regenerate',
    args: z.object({ key: secretKeySchema }),
  }),
  /** `changed`: how many verdicts differ from before (valid → invalid and so on). */
  reverifyCaptures: op<{ reverified: number; changed: number }>()({
    verb: 'POST',
    path: '/api/captures/reverify',
    args: z.object({}),
  }),
  /** The receiver's response rules: answer a path with a chosen status, delay or body, or fail
   *  the next N requests, to watch an agent retry. */
  listResponseRules: op<ResponseRule[]>()({
    verb: 'GET',
    path: '/api/receiver/rules',
    args: z.object({}),
  }),
  setResponseRules: op<ResponseRule[]>()({
    verb: 'PUT',
    path: '/api/receiver/rules',
    args: z.object({ rules: z.array(responseRuleInput).max(100) }),
  }),
};
