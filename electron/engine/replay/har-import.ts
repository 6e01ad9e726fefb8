// HAR import (browsers, HTTP Toolkit, ngrok, our own export): each request that carries a body
// becomes a capture with source 'import', then goes through the same verification as a live
// webhook. The HAR is untrusted input: parsed defensively, every field checked, sizes bounded.
import type { HeaderPair } from '../../../shared/model';
import type { HarImportResult } from '../../../shared/api/replay';
import { ApiError } from '../../../shared/api/define';
import { extractTaskId } from '../../../shared/verify/index';
import type { NewCapture } from '../store/captures-repo';
import { headerValue } from '../../../shared/wire-headers';

const MAX_ENTRIES = 10_000;
const SKIPPED_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE']);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export interface ParsedHar {
  captures: { index: number; capture: NewCapture }[];
  skipped: HarImportResult['skipped'];
}

export function parseHar(text: string, now: number): ParsedHar {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ApiError(400, 'bad_har', `The file is not JSON (${(err as Error).message}).`);
  }
  const entries = isObj(doc) && isObj(doc.log) ? doc.log.entries : undefined;
  if (!Array.isArray(entries))
    throw new ApiError(400, 'bad_har', 'Not a HAR file: log.entries is missing.');
  if (entries.length > MAX_ENTRIES) {
    throw new ApiError(
      413,
      'har_too_big',
      `The HAR has ${entries.length} entries; the limit is ${MAX_ENTRIES}.`,
    );
  }
  const out: ParsedHar = { captures: [], skipped: [] };
  entries.forEach((entry: unknown, index) => {
    const r = toCapture(entry, now);
    if (typeof r === 'string') out.skipped.push({ index, reason: r });
    else out.captures.push({ index, capture: r });
  });
  return out;
}

function toCapture(entry: unknown, now: number): NewCapture | string {
  const req = isObj(entry) && isObj(entry.request) ? entry.request : null;
  if (!req || !isObj(entry)) return 'no request object';
  const method = str(req.method)?.toUpperCase();
  const rawUrl = str(req.url);
  if (!method || !rawUrl) return 'request without method or url';
  if (SKIPPED_METHODS.has(method)) return `${method} request (not a webhook delivery)`;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return `unreadable url "${rawUrl.slice(0, 100)}"`;
  }
  const headers: HeaderPair[] = [];
  for (const h of Array.isArray(req.headers) ? req.headers : []) {
    const name = isObj(h) ? str(h.name) : null;
    const value = isObj(h) ? str(h.value) : null;
    // HTTP/2 pseudo-headers (:authority, :method, ...) are not request headers.
    if (name && value !== null && !name.startsWith(':')) headers.push([name, value]);
  }
  const post = isObj(req.postData) ? req.postData : null;
  const text = post ? str(post.text) : null;
  const encoding = post ? (str(post.encoding) ?? str(post._encoding)) : null;
  let body = new Uint8Array(0);
  if (text !== null) {
    body =
      encoding === 'base64'
        ? new Uint8Array(Buffer.from(text, 'base64'))
        : new TextEncoder().encode(text);
  } else if (post && Array.isArray(post.params)) {
    return 'form params without raw text (the exact bytes are not in the HAR)';
  }
  const started = str(entry.startedDateTime);
  const at = started ? Date.parse(started) : NaN;
  const contentType =
    headerValue(headers, 'content-type') ?? (post ? str(post.mimeType) : null) ?? null;
  return {
    receivedAt: Number.isFinite(at) ? at : now,
    method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers,
    body,
    remoteAddress: 'har-import',
    taskId: extractTaskId(headers, body),
    contentType: contentType || null,
    source: 'import',
    // receivedAt keeps the original time (timestamp checks need it); the list shows this one.
    importedAt: now,
  };
}
