// What the renderer talks to: the typed API (one method per operation in shared/api.ts), the engine
// event stream and the state of the connection. Two implementations: IPC (Electron) and HTTP+SSE.
import type { EngineEvent, OperationName, SwitchboardApi } from '../../shared/api';
import type { ApiErrorCode } from '../../shared/api/error-codes';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface Bridge {
  readonly kind: 'ipc' | 'http';
  readonly api: SwitchboardApi;
  /** Subscribes to engine events; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Reports connection changes (called at once with the current state). */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** One call's answer over IPC (electron/ipc-channels.ts IpcResult, as the renderer sees it). */
export type PreloadResult =
  | { ok: true; value: unknown }
  | { ok: false; error: { status: number; code: ApiErrorCode; message: string } };

/** What the Electron preload exposes on window.switchboard (see electron/preload.ts). */
export type PreloadApi = {
  [K in OperationName]: (args: object) => Promise<PreloadResult>;
} & {
  onEvent(listener: (event: EngineEvent) => void): () => void;
};
