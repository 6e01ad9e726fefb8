// Desktop bridge: wraps window.switchboard (exposed by electron/preload.ts). Built from
// operationNames so it exposes exactly the contract, whatever else the global might carry. A
// failed call rejects with the same ApiError (status, code, message) as over HTTP.
import { ApiError, operationNames } from '../../shared/api';
import type { SwitchboardApi } from '../../shared/api';
import { toApiErrorCode } from '../../shared/api/error-codes';
import type { Bridge, ConnectionState, PreloadApi, PreloadResult } from './types';

type AnyOp = (args: Record<string, unknown>) => Promise<unknown>;
type PreloadOp = (args: Record<string, unknown>) => Promise<PreloadResult>;

export function createIpcBridge(exposed: PreloadApi): Bridge {
  const api: Record<string, AnyOp> = {};
  const source = exposed as unknown as Record<string, PreloadOp>;
  for (const name of operationNames) {
    const fn = source[name];
    api[name] = async (args) => {
      if (typeof fn !== 'function') throw new Error(`The desktop shell does not provide ${name}`);
      const result = await fn(args ?? {});
      if (result.ok) return result.value;
      const { status, code, message } = result.error;
      throw new ApiError(status, toApiErrorCode(code, status), message);
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
