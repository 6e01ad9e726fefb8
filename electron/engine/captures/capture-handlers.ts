// API handlers for captures, audit, settings and receiver state (shared/api/captures.ts).
import { ApiError, type EngineHandlers } from '../../../shared/api';
import type { EngineEvent } from '../../../shared/events';
import {
  MASKED_SECRET,
  maskSettingsView,
  SECRET_SETTING_KEYS,
  type ReceiverInfo,
} from '../../../shared/model';
import type { SettingsStore } from '../settings';
import type { AuditRepo } from '../store/audit-repo';
import { listCaptures } from './capture-search';
import { reverifyStored, type VerifyDeps } from './verify-and-save';

type CaptureOpNames =
  | 'health'
  | 'receiverInfo'
  | 'listCaptures'
  | 'countCaptures'
  | 'getCapture'
  | 'getCaptureBody'
  | 'deleteCapture'
  | 'clearCaptures'
  | 'listAudit'
  | 'getSettings'
  | 'revealSecret'
  | 'updateSettings'
  | 'regenerateSecret'
  | 'reverifyCaptures';

export interface CaptureHandlerDeps extends VerifyDeps {
  audit: AuditRepo;
  settingsStore: SettingsStore;
  emit(event: EngineEvent): void;
  receiver(): ReceiverInfo;
  dataDir: string;
  version: string;
}

export function createCaptureHandlers(
  deps: CaptureHandlerDeps,
): Pick<EngineHandlers, CaptureOpNames> {
  const { captures } = deps;
  const notFound = (id: number) =>
    new ApiError(404, 'not_found', `Capture #${id} does not exist (it may have been deleted).`);

  const reverifyAll = async () => {
    const ids = captures.allIds();
    let changed = 0;
    for (const id of ids) {
      const result = await reverifyStored(deps, id);
      if (!result) continue;
      if (result.verdict !== result.previous) changed += 1;
      deps.emit({ type: 'capture-updated', capture: result.summary });
    }
    return { reverified: ids.length, changed };
  };
  // Why refuse instead of saving: a flag or env var wins anyway, so a saved value would look
  // applied while doing nothing (or, for the port, move the receiver on the next run).
  const refuseLocked = (patch: Partial<Record<string, unknown>>) => {
    const view = deps.settingsStore.view();
    for (const key of Object.keys(patch) as (keyof typeof view.settings)[]) {
      const source = view.sources[key];
      if (source !== 'flag' && source !== 'env') continue;
      if (patch[key] === view.settings[key]) continue;
      const origin = view.origins?.[key] ?? source;
      throw new ApiError(
        409,
        'setting_locked',
        `${key} is set by ${origin} for this run; remove ${source === 'flag' ? 'the flag' : 'the variable'} to change it here.`,
      );
    }
  };

  return {
    health: async () => ({
      ok: true,
      version: deps.version,
      receiver: deps.receiver(),
      captures: captures.count(),
      dataDir: deps.dataDir,
    }),
    receiverInfo: async () => deps.receiver(),
    listCaptures: ({ limit, cursor, after, order, ...filter }) =>
      listCaptures(captures, filter, limit, { cursor, after, order }),
    countCaptures: async () => ({ count: captures.count() }),
    getCapture: async ({ id }) => captures.get(id) ?? Promise.reject(notFound(id)),
    getCaptureBody: async ({ id }) => captures.body(id) ?? Promise.reject(notFound(id)),
    deleteCapture: async ({ id }) => {
      const deleted = captures.delete(id);
      if (deleted) deps.emit({ type: 'capture-deleted', id });
      return { deleted };
    },
    clearCaptures: async () => {
      const deleted = captures.clear();
      deps.jti.clear();
      deps.emit({ type: 'capture-deleted', id: 'all' });
      return { deleted };
    },
    listAudit: async ({ limit, cursor }) => deps.audit.list(limit, cursor),
    // Why masked: views travel to every API client and event stream (and may be logged or
    // cached there); a secret's value leaves only through the explicit revealSecret.
    getSettings: async () => maskSettingsView(deps.settingsStore.view()),
    revealSecret: async ({ key }) => ({ value: deps.settingsStore.get()[key] }),
    updateSettings: async ({ patch, reverify }) => {
      const clean = { ...patch };
      for (const key of SECRET_SETTING_KEYS) if (clean[key] === MASKED_SECRET) delete clean[key];
      refuseLocked(clean);
      const view = maskSettingsView(deps.settingsStore.update(clean));
      deps.emit({ type: 'settings', view });
      if (reverify) await reverifyAll();
      return view;
    },
    regenerateSecret: async ({ key }) => {
      const view = maskSettingsView(deps.settingsStore.regenerate(key));
      deps.emit({ type: 'settings', view });
      return view;
    },
    reverifyCaptures: reverifyAll,
  };
}
