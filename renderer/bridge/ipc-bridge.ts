// Desktop bridge: wraps window.switchboard (exposed by electron/preload.ts). Built from
// operationNames so it exposes exactly the contract, whatever else the global might carry.
import { operationNames } from '../../shared/api';
import type { SwitchboardApi } from '../../shared/api';
import type { Bridge, ConnectionState, PreloadApi } from './types';

type AnyOp = (args: Record<string, unknown>) => Promise<unknown>;

export function createIpcBridge(exposed: PreloadApi): Bridge {
  const api: Record<string, AnyOp> = {};
  const source = exposed as unknown as Record<string, AnyOp>;
  for (const name of operationNames) {
    const fn = source[name];
    api[name] = async (args) => {
      if (typeof fn !== 'function') throw new Error(`The desktop shell does not provide ${name}`);
      try {
        return await fn(args ?? {});
      } catch (err) {
        // contextBridge keeps only the message; present it like the HTTP bridge does.
        throw new Error(err instanceof Error ? err.message : String(err));
      }
    };
  }
  return {
    kind: 'ipc',
    api: api as unknown as SwitchboardApi,
    onEvent: (listener) => exposed.onEvent(listener),
    onConnection(listener: (s: ConnectionState) => void) {
      // IPC to our own main process is up for as long as the window exists.
      listener('open');
      return () => undefined;
    },
  };
}
