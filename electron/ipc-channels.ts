// The IPC channel names, derived from the contract: one `sb:<operation>` per operation plus the
// event channel. Shared by ipc.ts (main) and preload.ts so no channel string is written twice.
import type { OperationName } from '../shared/api';
import type { ApiErrorCode } from '../shared/api/error-codes';

export const EVENT_CHANNEL = 'sb:event';

export function opChannel(name: OperationName): string {
  return `sb:${name}`;
}

/** What every invoke returns: errors travel as data so message, code and status reach the
 *  renderer intact (Electron would otherwise keep only a prefixed message). */
export type IpcResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { status: number; code: ApiErrorCode; message: string } };
