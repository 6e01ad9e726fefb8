// WebContents of the stand-in: what main.ts uses of it (send, will-navigate, will-attach-webview,
// setWindowOpenHandler, isDestroyed) over one Playwright page.
import { EventEmitter } from 'node:events';
import type { Page } from '@playwright/test';
import { EMIT_FUNCTION } from './preload-script';

export type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class StandInWebContents extends EventEmitter {
  page: Page | null = null;
  destroyed = false;
  windowOpenHandler: WindowOpenHandler | null = null;
  /** URLs whose opening the window-open handler denied, in order. */
  readonly deniedOpens: string[] = [];
  /** Navigations the will-navigate handlers prevented, in order. */
  readonly preventedNavigations: string[] = [];
  private sending: Promise<unknown> = Promise.resolve();

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Like Electron: fire and forget, delivered in order, dropped once the page is gone. */
  send(channel: string, ...args: unknown[]): void {
    const page = this.page;
    if (!page || this.destroyed) return;
    this.sending = this.sending
      .then(() =>
        page.evaluate(
          ([fn, ch, a]) =>
            (window as unknown as Record<string, (c: string, x: unknown[]) => void>)[fn]?.(ch, a),
          [EMIT_FUNCTION, channel, args] as const,
        ),
      )
      .catch(() => undefined);
  }

  /** Emits will-navigate like Electron; true when a handler called preventDefault. */
  willNavigate(url: string): boolean {
    let prevented = false;
    this.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
    if (prevented) this.preventedNavigations.push(url);
    return prevented;
  }

  /** Asks the window-open handler, like Electron does before creating a window. */
  windowOpen(url: string): 'allow' | 'deny' {
    const action = this.windowOpenHandler?.({ url }).action ?? 'allow';
    if (action === 'deny') this.deniedOpens.push(url);
    return action;
  }
}
