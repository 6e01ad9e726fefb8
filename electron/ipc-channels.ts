// The IPC channel names, derived from the contract: one `sb:<operation>` per operation plus the
// event channel. Shared by ipc.ts (main) and preload.ts so no channel string is written twice.
import type { OperationName } from '../shared/api';

export const EVENT_CHANNEL = 'sb:event';

export function opChannel(name: OperationName): string {
  return `sb:${name}`;
}

/** What every invoke returns: errors travel as data so the message reaches the user intact
 *  (Electron would otherwise prefix "Error invoking remote method ..."). */
export type IpcResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { status: number; code: string; message: string } };
