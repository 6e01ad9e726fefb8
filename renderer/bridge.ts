// The renderer's one door to the engine: the IPC bridge when the Electron preload exposed
// window.switchboard, else the HTTP + SSE bridge of browser mode. Nothing else talks to the engine.
import { createHttpBridge } from './bridge/http-bridge';
import { createIpcBridge } from './bridge/ipc-bridge';
import type { Bridge, PreloadApi } from './bridge/types';

export type { Bridge } from './bridge/types';

declare global {
  interface Window {
    switchboard?: PreloadApi;
  }
}

export function createBridge(): Bridge {
  if (typeof window !== 'undefined' && window.switchboard)
    return createIpcBridge(window.switchboard);
  return createHttpBridge();
}
