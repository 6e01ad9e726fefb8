// Chromium cannot load a custom scheme, so the stand-in serves app://switchboard/ at a loopback
// origin that is a secure context and intercepted before the network (*.localhost), and maps
// URLs back so the shell's checks (isAppUrl on senderFrame.url) see exactly what Electron shows.
import { APP_ORIGIN } from '../../../electron/security';

export const STAND_IN_ORIGIN = 'http://switchboard.localhost';

/** app://switchboard/x -> http://switchboard.localhost/x (other URLs unchanged). */
export function toPageUrl(url: string): string {
  return url.startsWith(`${APP_ORIGIN}/`) ? STAND_IN_ORIGIN + url.slice(APP_ORIGIN.length) : url;
}

/** http://switchboard.localhost/x -> app://switchboard/x; only that exact origin is mapped. */
export function toAppUrl(url: string): string {
  try {
    if (new URL(url).origin === STAND_IN_ORIGIN)
      return APP_ORIGIN + url.slice(STAND_IN_ORIGIN.length);
  } catch {
    // about:srcdoc, about:blank and the like stay as they are.
  }
  return url;
}
