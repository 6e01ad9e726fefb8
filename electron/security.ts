// Security constants and predicates of the desktop shell, kept free of Electron imports so they
// are unit-tested in Node: the app origin, the CSP, and which external links may be opened.

/** The renderer is served from this origin by the app:// protocol handler (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'switchboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Why: no inline script, no remote code, no plugins. The renderer only talks to the main
 *  process over IPC (or its own origin in browser mode), so it needs no other network origin.
 *  THE one policy: the app:// protocol and serve.ts send it as a header, and the renderer build
 *  (vite.config.ts) puts it in a meta tag. */
export const META_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The header adds no framing (frame-ancestors is ignored, with a console warning, in a meta tag). */
export const CSP = `${META_CSP}; frame-ancestors 'none'`;

/** True for URLs of our own bundle (the only thing the window may show). */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Why: shell.openExternal with attacker-chosen input can launch arbitrary protocol handlers
 *  (file:, smb:, custom app schemes). Only plain http(s) links without credentials go out. */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  return url.hostname.length > 0;
}
