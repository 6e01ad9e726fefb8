// API handlers for captures, audit, settings and receiver state (shared/api/captures.ts).
import { ApiError, type EngineHandlers } from '../../../shared/api';
import type { EngineEvent } from '../../../shared/events';
import type { ReceiverInfo } from '../../../shared/model';
import type { SettingsStore } from '../settings';
import type { AuditRepo } from '../store/audit-repo';
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
    for (const id of ids) {
      const result = await reverifyStored(deps, id);
      if (result) deps.emit({ type: 'capture-updated', capture: result.summary });
    }
    return { reverified: ids.length };
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
    listCaptures: async ({ limit, cursor, ...filter }) => captures.list(filter, limit, cursor),
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
    getSettings: async () => deps.settingsStore.view(),
    updateSettings: async ({ patch, reverify }) => {
      const view = deps.settingsStore.update(patch);
      deps.emit({ type: 'settings', view });
      if (reverify) await reverifyAll();
      return view;
    },
    regenerateSecret: async ({ key }) => {
      const view = deps.settingsStore.regenerate(key);
      deps.emit({ type: 'settings', view });
      return view;
    },
    reverifyCaptures: reverifyAll,
  };
}
