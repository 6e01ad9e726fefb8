// Operations on captures, receiver, settings and the audit log (the engine issue).
import { z } from 'zod';
import { op } from './define';
import { CAPTURE_ORIGINS } from '../model';
import type {
  AuditEntry,
  CaptureDetail,
  CaptureSummary,
  Health,
  Page,
  ReceiverInfo,
  SettingsView,
  StoreInfo,
} from '../model';

const id = z.coerce.number().int().positive();
const MiB = 1024 * 1024;
const bytes = (min: number, max: number) => z.number().int().min(min).max(max);
const settingsPatch = z
  .object({
    webhookSecret: z.string().max(4096),
    jwtSecret: z.string().max(4096),
    jwksUrl: z.union([z.literal(''), z.url()]),
    jwtIssuer: z.string().max(1024),
    jwtAudience: z.string().max(1024),
    notificationToken: z.string().max(4096),
    standardWebhooksSecret: z.string().max(4096),
    timestampWindowSec: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 3600),
    clockToleranceSec: z.number().int().min(0).max(3600),
    receiverPort: z.number().int().min(0).max(65535),
    responseMode: z.enum(['observe', 'enforce']),
    bodyLimitBytes: z
      .number()
      .int()
      .min(1024)
      .max(512 * 1024 * 1024),
    sseFrameLimitBytes: bytes(1024, 1024 * MiB),
    sseStreamLimitBytes: bytes(1024, 64 * 1024 * MiB),
    cardLimitBytes: bytes(1024, 256 * MiB),
    rpcAnswerLimitBytes: bytes(1024, 1024 * MiB),
    retentionMaxBytes: bytes(0, 1024 * 1024 * MiB),
    retentionMaxAgeDays: z.number().int().min(0).max(36500),
    retentionIncludeCaptures: z.boolean(),
  })
  .partial();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const captureOps = {
  health: op<Health>()({ verb: 'GET', path: '/api/health', args: z.object({}) }),
  receiverInfo: op<ReceiverInfo>()({ verb: 'GET', path: '/api/receiver', args: z.object({}) }),
  listCaptures: op<Page<CaptureSummary>>()({
    verb: 'GET',
    path: '/api/captures',
    args: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      cursor: z.string().max(64).optional(),
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
    args: z.object({
      key: z.enum(['webhookSecret', 'jwtSecret', 'notificationToken', 'standardWebhooksSecret']),
    }),
  }),
  regenerateSecret: op<SettingsView>()({
    verb: 'POST',
    path: '/api/settings/regenerate',
    args: z.object({
      key: z.enum(['webhookSecret', 'jwtSecret', 'notificationToken', 'standardWebhooksSecret']),
    }),
  }),
  /** `changed`: how many verdicts differ from before (valid → invalid and so on). */
  reverifyCaptures: op<{ reverified: number; changed: number }>()({
    verb: 'POST',
    path: '/api/captures/reverify',
    args: z.object({}),
  }),
};
