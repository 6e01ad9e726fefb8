// Electron main process: thin glue around the engine. Single instance; starts the engine on the
// data dir every entry point shares (desktopOptions: --data-dir, --receiver-port); serves the renderer over app:// with a CSP header; one window with
// locked-down webPreferences; IPC through the checked wrapper; navigation, new windows and
// permission requests denied. Everything with logic lives in tested Electron-free modules.
import {
  app,
  BrowserWindow,
  ipcMain,
  Menu,
  nativeTheme,
  net,
  protocol,
  session,
  shell,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEngine, type Engine } from './engine/engine';
import { resolveAppFile, responseInit } from './app-protocol';
import { EVENT_CHANNEL } from './ipc-channels';
import { registerIpc } from './ipc';
import { desktopOptions } from './desktop-options';
import { buildMenuTemplate } from './menu';
import { APP_ENTRY, APP_SCHEME, isAppUrl, isSafeExternalUrl } from './security';
import { buildWindowOptions } from './window-options';
import { errorText } from '../shared/error-text';

// dist-electron/main.cjs → project root is one level up (inside the asar when packaged).
const ROOT = join(__dirname, '..');
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let mainWindow: BrowserWindow | null = null;
let engine: Engine | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_e, contents) => {
    // Why: the window only ever shows our bundle; any navigation is a bug or an attack.
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
  app.whenReady().then(start, (err: unknown) => fail(err));
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    const e = engine;
    engine = null;
    if (e) void e.stop();
  });
}

async function start(): Promise<void> {
  try {
    // Why: Switchboard needs no camera, notifications, geolocation... deny every request.
    session.defaultSession.setPermissionRequestHandler((_wc, _perm, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, async (request) => {
      const file = resolveAppFile(request.url, RENDERER_DIR);
      const found = file !== null && existsSync(file);
      const init = responseInit(file, found);
      if (!file || !found) return new Response('Not found', init);
      const res = await net.fetch(pathToFileURL(file).toString());
      return new Response(res.body, init);
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform)));

    engine = createEngine(desktopOptions(process.argv.slice(1)));
    await engine.start();
    registerIpc(ipcMain, engine.handlers, () => mainWindow?.webContents ?? null);
    engine.events.on((event) => {
      if (mainWindow && !mainWindow.isDestroyed())
        mainWindow.webContents.send(EVENT_CHANNEL, event);
    });
    createWindow();
  } catch (err) {
    fail(err);
  }
}

function createWindow(): void {
  const icon = join(ROOT, 'build', 'icon.png');
  mainWindow = new BrowserWindow(
    buildWindowOptions({
      preloadPath: join(__dirname, 'preload.cjs'),
      ...(existsSync(icon) ? { iconPath: icon } : {}),
      darkBackground: nativeTheme.shouldUseDarkColors,
    }),
  );
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  void mainWindow.loadURL(APP_ENTRY);
}

function fail(err: unknown): void {
  console.error('Switchboard failed to start:', errorText(err));
  app.exit(1);
}
