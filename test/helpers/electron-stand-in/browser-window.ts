// BrowserWindow of the stand-in: a Playwright page in its own context. Requests to the app
// origin go to the handler main.ts registered with protocol.handle (its status, headers and CSP
// reach Chromium as they are); main-frame navigations elsewhere go through will-navigate; IPC
// and window.open reach the main side through bindings that know the calling frame.
import { EventEmitter } from 'node:events';
import type { Browser, BrowserContext, Route } from '@playwright/test';
import type { BrowserWindowConstructorOptions } from 'electron';
import { STAND_IN_ORIGIN, toAppUrl, toPageUrl } from './app-origin';
import { INVOKE_BINDING, OPEN_BINDING, preloadInitScript } from './preload-script';
import { StandInWebContents } from './web-contents';

export interface StandInRuntime {
  browser: Browser;
  protocolHandler(scheme: string): ((request: Request) => Promise<Response>) | undefined;
  invoke(
    event: { sender: unknown; senderFrame: { url: string } },
    channel: string,
    args: unknown[],
  ): Promise<unknown>;
  webContentsCreated(contents: StandInWebContents): void;
  windows: StandInBrowserWindow[];
}

export class StandInBrowserWindow extends EventEmitter {
  readonly webContents = new StandInWebContents();
  visible = false;
  context: BrowserContext | null = null;
  private readonly opened: Promise<void>;

  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly runtime: StandInRuntime,
  ) {
    super();
    runtime.windows.push(this);
    runtime.webContentsCreated(this.webContents);
    this.opened = this.open();
  }

  private async open(): Promise<void> {
    const { width = 800, height = 600, webPreferences = {} } = this.options;
    const context = await this.runtime.browser.newContext({ viewport: { width, height } });
    this.context = context;
    await context.exposeBinding(INVOKE_BINDING, ({ frame }, channel: string, args: unknown[]) =>
      this.runtime.invoke(
        { sender: this.webContents, senderFrame: { url: toAppUrl(frame.url()) } },
        channel,
        args,
      ),
    );
    await context.exposeBinding(OPEN_BINDING, (_source, url: string) => {
      this.webContents.windowOpen(url);
    });
    if (webPreferences.preload)
      await context.addInitScript(preloadInitScript(webPreferences.preload));
    await context.route('**/*', (route) => this.route(route));
    const page = await context.newPage();
    this.webContents.page = page;
    page.on('load', () => this.emit('ready-to-show'));
  }

  private async route(route: Route): Promise<void> {
    const request = route.request();
    const url = request.url();
    if (url.startsWith(`${STAND_IN_ORIGIN}/`)) {
      const handler = this.runtime.protocolHandler('app');
      if (!handler) return route.abort('failed');
      const res = await handler(new Request(toAppUrl(url)));
      return route.fulfill({
        status: res.status,
        headers: Object.fromEntries(res.headers),
        body: Buffer.from(await res.arrayBuffer()),
      });
    }
    const mainFrame = this.webContents.page?.mainFrame();
    if (request.isNavigationRequest() && request.frame() === mainFrame) {
      // ERR_ABORTED commits no error page: the window stays where it was, as in Electron.
      if (this.webContents.willNavigate(url)) return route.abort('aborted');
    }
    // Nothing else may leave this machine in a test: no agent data is fetched by the window.
    return route.abort('blockedbyclient');
  }

  async loadURL(url: string): Promise<void> {
    await this.opened;
    await this.webContents.page?.goto(toPageUrl(url));
  }

  show(): void {
    this.visible = true;
  }
  isDestroyed(): boolean {
    return this.webContents.destroyed;
  }
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}

  async close(): Promise<void> {
    await this.opened;
    this.webContents.destroyed = true;
    await this.context?.close();
    this.emit('closed');
  }
}
