// The app:// protocol: serves the renderer build (dist/renderer) to the window with the CSP
// header. Path resolution is a pure function so traversal attempts are unit-tested without Electron.
import { extname, join, normalize, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, CSP } from './security';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps app://switchboard/<path> to a file under `root`, or null (wrong host, traversal, bad URL). */
export function resolveAppFile(requestUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative =
    pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = normalize(root);
  const file = normalize(join(base, relative));
  // Why: a crafted URL (%2e%2e/) must never read files outside the renderer build.
  if (file !== base && !file.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
  return file;
}

export interface ProtocolResponseInit {
  status: number;
  headers: Record<string, string>;
}

/** Headers for a served file (CSP on every response, no sniffing). */
export function responseInit(file: string | null, found: boolean): ProtocolResponseInit {
  const headers = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff' };
  if (!file || !found)
    return { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } };
  return { status: 200, headers: { ...headers, 'Content-Type': mimeType(file) } };
}
