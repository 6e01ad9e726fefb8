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
  SettingsView,
  StoreInfo,
} from '../model';

const id = z.coerce.number().int().positive();
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
};
