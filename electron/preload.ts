// Preload (sandboxed, context-isolated): exposes on window.switchboard exactly one method per
// operation of shared/api.ts plus onEvent(listener). Nothing generic (no invoke(channel)):
// the renderer can only call the contract. Each method resolves with the IpcResult envelope, not
// the value: contextBridge keeps only the message of a thrown Error, and the renderer's bridge
// needs the code and status too (it turns a failed result into the same ApiError as over HTTP).
// Bundled to dist-electron/preload.cjs by esbuild.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { operationNames } from '../shared/api';
import type { EngineEvent } from '../shared/events';
import { EVENT_CHANNEL, opChannel, type IpcResult } from './ipc-channels';

const api: Record<string, unknown> = {};
for (const name of operationNames) {
  const channel = opChannel(name);
  api[name] = (args: unknown) => ipcRenderer.invoke(channel, args ?? {}) as Promise<IpcResult>;
}

api.onEvent = (listener: (event: EngineEvent) => void) => {
  if (typeof listener !== 'function') throw new TypeError('onEvent needs a function');
  // Why wrap: never hand the IpcRendererEvent (with its sender) to the page.
  const wrapped = (_e: IpcRendererEvent, event: EngineEvent) => listener(event);
  ipcRenderer.on(EVENT_CHANNEL, wrapped);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  };
};

contextBridge.exposeInMainWorld('switchboard', Object.freeze(api));
