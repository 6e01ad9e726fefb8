// A stand-in for the Electron runtime, for machines without its binary: exactly the API surface
// electron/main.ts and electron/preload.ts use, with windows drawn by Playwright's Chromium.
// loadDesktopMain() runs the real bundle dist-electron/main.cjs in this Node process with
// `require('electron')` answered by the stand-in, so the IPC path renderer -> preload
// (contextBridge) -> ipc.ts sender check -> engine runs for real.
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import Module from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from '@playwright/test';
import type { BrowserWindowConstructorOptions } from 'electron';
import { StandInBrowserWindow, type StandInRuntime } from './browser-window';
import type { StandInWebContents } from './web-contents';

type IpcListener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
type PermissionHandler = (wc: unknown, permission: string, callback: (ok: boolean) => void) => void;

export interface DesktopApp {
  /** The window main.ts created (after loadDesktopMain resolves). */
  window: StandInBrowserWindow;
  /** URLs main.ts handed to shell.openExternal. */
  externalOpened: string[];
  /** What main.ts registered: privileged schemes, IPC channels, permission handlers, menu. */
  registered: {
    schemes: unknown[];
    ipcChannels: string[];
    permissionRequest: PermissionHandler | null;
    permissionCheck: ((...args: unknown[]) => boolean) | null;
    menu: unknown;
  };
  /** app.exit() codes main.ts asked for (a start failure calls exit(1)). */
  exitCodes: number[];
  quit(): Promise<void>;
}

export async function loadDesktopMain(opts: {
  browser: Browser;
  mainPath: string;
  argv: string[];
}): Promise<DesktopApp> {
  const app = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const handlers = new Map<string, IpcListener>();
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  const exitCodes: number[] = [];
  const externalOpened: string[] = [];
  const registered: DesktopApp['registered'] = {
    schemes: [],
    ipcChannels: [],
    permissionRequest: null,
    permissionCheck: null,
    menu: null,
  };
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (markReady = r));

  const runtime: StandInRuntime = {
    browser: opts.browser,
    windows: [],
    protocolHandler: (scheme) => protocols.get(scheme),
    webContentsCreated: (contents: StandInWebContents) =>
      app.emit('web-contents-created', {}, contents),
    async invoke(event, channel, args) {
      const listener = handlers.get(channel);
      if (!listener) throw new Error(`No handler registered for '${channel}'`);
      return listener(event, ...args);
    },
  };

  Object.assign(app, {
    requestSingleInstanceLock: () => true,
    whenReady: () => ready,
    quit: () => app.emit('before-quit', { preventDefault: () => undefined }),
    exit: (code = 0) => exitCodes.push(code),
  });
  const electron = {
    app,
    BrowserWindow: class extends StandInBrowserWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, runtime);
      }
    },
    ipcMain: {
      handle(channel: string, listener: IpcListener) {
        if (handlers.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        handlers.set(channel, listener);
        registered.ipcChannels.push(channel);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: (menu: unknown) => (registered.menu = menu),
    },
    nativeTheme: { shouldUseDarkColors: false },
    net: {
      // main.ts fetches only file: URLs of the renderer build.
      async fetch(url: string) {
        if (!url.startsWith('file:'))
          throw new Error(`stand-in net.fetch serves file: URLs only, got ${url}`);
        return new Response(await readFile(fileURLToPath(url)));
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => registered.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: PermissionHandler) => (registered.permissionRequest = h),
        setPermissionCheckHandler: (h: () => boolean) => (registered.permissionCheck = h),
      },
    },
    shell: {
      openExternal: async (url: string) => {
        externalOpened.push(url);
      },
    },
  };

  const mainPath = resolve(opts.mainPath);
  const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const originalLoad = loader._load;
  loader._load = function (request: string, ...rest: unknown[]) {
    if (request === 'electron') return electron;
    return originalLoad.call(this, request, ...rest);
  };
  const savedArgv = process.argv;
  process.argv = ['electron', mainPath, ...opts.argv];
  try {
    Module.createRequire(mainPath)(mainPath);
    markReady();
    const window = await waitForWindow(runtime, exitCodes);
    await new Promise<void>((r) =>
      window.visible ? r() : window.webContents.page?.once('load', () => r()),
    );
    return {
      window,
      externalOpened,
      registered,
      exitCodes,
      async quit() {
        app.emit('before-quit', { preventDefault: () => undefined });
        await window.close();
      },
    };
  } finally {
    process.argv = savedArgv;
    loader._load = originalLoad;
  }
}

async function waitForWindow(
  runtime: StandInRuntime,
  exitCodes: number[],
): Promise<StandInBrowserWindow> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (exitCodes.length)
      throw new Error(`main.ts called app.exit(${exitCodes[0]}) while starting`);
    const w = runtime.windows[0];
    if (w?.webContents.page) return w;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('main.ts opened no window within 30 s');
}
