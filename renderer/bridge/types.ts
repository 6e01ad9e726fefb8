// What the renderer talks to: the typed API (one method per operation in shared/api.ts), the engine
// event stream and the state of the connection. Two implementations: IPC (Electron) and HTTP+SSE.
import type { EngineEvent, SwitchboardApi } from '../../shared/api';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface Bridge {
  readonly kind: 'ipc' | 'http';
  readonly api: SwitchboardApi;
  /** Subscribes to engine events; returns the unsubscribe function. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Reports connection changes (called at once with the current state). */
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

/** What the Electron preload exposes on window.switchboard (see electron/preload.ts). */
export type PreloadApi = SwitchboardApi & {
  onEvent(listener: (event: EngineEvent) => void): () => void;
};
