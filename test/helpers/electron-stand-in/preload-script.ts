// Runs the bundled preload (dist-electron/preload.cjs) in the window the way Electron's sandboxed
// preload runs: main frame only (nodeIntegrationInSubFrames is off), `require` gives `electron`
// and nothing else. contextBridge and ipcRenderer are backed by two Playwright bindings
// (invoke, window.open) and one emitter the main side calls for webContents.send.
import { readFileSync } from 'node:fs';

export const INVOKE_BINDING = '__electronStandInInvoke';
export const OPEN_BINDING = '__electronStandInOpen';
export const EMIT_FUNCTION = '__electronStandInEmit';

export function preloadInitScript(preloadPath: string): string {
  const bundle = readFileSync(preloadPath, 'utf8');
  return `(() => {
  const open = window[${JSON.stringify(OPEN_BINDING)}];
  // Electron asks setWindowOpenHandler before any window exists; denied opens return null.
  window.open = (url) => { void open(String(url ?? '')); return null; };
  if (window.top !== window) return;
  const listeners = new Map();
  Object.defineProperty(window, ${JSON.stringify(EMIT_FUNCTION)}, {
    value: (channel, args) => { for (const l of listeners.get(channel) ?? []) l({}, ...args); },
  });
  const invoke = window[${JSON.stringify(INVOKE_BINDING)}];
  const electron = {
    contextBridge: {
      exposeInMainWorld(key, api) {
        Object.defineProperty(window, key, { value: api, enumerable: true });
      },
    },
    ipcRenderer: {
      invoke: (channel, ...args) => invoke(channel, args),
      on(channel, listener) {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel).add(listener);
      },
      removeListener(channel, listener) { listeners.get(channel)?.delete(listener); },
    },
  };
  const require = (name) => {
    if (name === 'electron') return electron;
    throw new Error('sandboxed preload cannot require ' + name);
  };
  const module = { exports: {} };
  (function (require, module, exports) {
${bundle}
  })(require, module, module.exports);
})();`;
}
