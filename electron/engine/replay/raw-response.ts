// Incremental HTTP/1.1 response reader for raw-client.ts: status line and headers (kept in
// order and casing), then the body by Content-Length, chunked encoding, or until the server
// closes. 1xx interim responses are skipped. The body is capped at maxBytes (then truncated).
import type { HeaderPair } from '../../../shared/model';

export type ReaderResult =
  | {
      kind: 'ok';
      status: number;
      headers: HeaderPair[];
      body: Uint8Array;
      truncated: boolean;
      keepAlive: boolean;
    }
  | { kind: 'no-response' | 'broken' | 'timeout'; error: string };

const MAX_HEAD = 64 * 1024;

export function createResponseReader(method: string, maxBytes: number) {
  let buf: Buffer = Buffer.alloc(0);
  let phase: 'head' | 'length' | 'chunked' | 'close' = 'head';
  let status = 0;
  let headers: HeaderPair[] = [];
  let keepAlive = true;
  let remaining = 0;
  const parts: Buffer[] = [];
  let size = 0;
  let truncated = false;

  const ok = (): ReaderResult => {
    const body = Buffer.concat(parts, size);
    return {
      kind: 'ok',
      status,
      headers,
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      truncated,
      keepAlive: keepAlive && !truncated && phase !== 'close',
    };
  };
  const broken = (error: string): ReaderResult => ({ kind: 'broken', error });
  /** Adds body bytes; true when the cap was hit. */
  const take = (b: Buffer): boolean => {
    const room = maxBytes - size;
    if (b.length > room) {
      parts.push(b.subarray(0, room));
      size = maxBytes;
      truncated = true;
      return true;
    }
    parts.push(b);
    size += b.length;
    return false;
  };

  function parseHead(): ReaderResult | null | 'more' {
    const end = buf.indexOf('\r\n\r\n');
    if (end < 0) return buf.length > MAX_HEAD ? broken('response headers too large') : 'more';
    const lines = buf.subarray(0, end).toString('latin1').split('\r\n');
    buf = buf.subarray(end + 4);
    const m = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
    if (!m) return broken(`not an HTTP/1.x response: "${(lines[0] ?? '').slice(0, 60)}"`);
    status = Number(m[2]);
    headers = [];
    // The first value of each header the framing depends on, lower-cased.
    let connection: string | undefined;
    let transferEncoding: string | undefined;
    let contentLength: string | undefined;
    for (let k = 1; k < lines.length; k++) {
      const line = lines[k] as string;
      const i = line.indexOf(':');
      const name = line.slice(0, i).trim();
      const value = line.slice(i + 1).trim();
      headers.push([name, value]);
      const lower = name.toLowerCase();
      if (lower === 'connection') connection ??= value.toLowerCase();
      else if (lower === 'transfer-encoding') transferEncoding ??= value.toLowerCase();
      else if (lower === 'content-length') contentLength ??= value;
    }
    if (status >= 100 && status < 200) return null; // interim: read the next head
    keepAlive = m[1] === '1' ? connection !== 'close' : connection === 'keep-alive';
    if (method.toUpperCase() === 'HEAD' || status === 204 || status === 304) {
      remaining = 0;
      phase = 'length';
    } else if (transferEncoding?.includes('chunked')) phase = 'chunked';
    else if (contentLength !== undefined) {
      remaining = Number(contentLength);
      if (!Number.isSafeInteger(remaining) || remaining < 0)
        return broken('invalid Content-Length in response');
      phase = 'length';
    } else phase = 'close';
    return null;
  }

  function step(): ReaderResult | null {
    for (;;) {
      if (phase === 'head') {
        const r = parseHead();
        if (r === 'more') return null;
        if (r) return r;
        if (status < 200) continue;
      }
      if (phase === 'length') {
        const n = Math.min(remaining, buf.length);
        const chunk = buf.subarray(0, n);
        buf = buf.subarray(n);
        remaining -= n;
        if (take(chunk)) return ok();
        return remaining === 0 ? ok() : null;
      }
      if (phase === 'close') {
        const chunk = buf;
        buf = Buffer.alloc(0);
        return take(chunk) ? ok() : null;
      }
      // chunked: "<hex size>[;ext]\r\n<data>\r\n" ... "0\r\n[trailers]\r\n"
      if (remaining > 0) {
        const n = Math.min(remaining, buf.length);
        if (take(buf.subarray(0, n))) return ok();
        buf = buf.subarray(n);
        remaining -= n;
        if (remaining > 0) return null;
        remaining = -2; // expect the CRLF after the data
      }
      if (remaining === -2) {
        if (buf.length < 2) return null;
        buf = buf.subarray(2);
        remaining = 0;
      }
      const eol = buf.indexOf('\r\n');
      if (eol < 0) return buf.length > MAX_HEAD ? broken('bad chunked encoding') : null;
      const line = buf.subarray(0, eol).toString('latin1');
      const sizeHex = line.split(';')[0]?.trim() ?? '';
      if (!/^[0-9a-fA-F]+$/.test(sizeHex)) return broken('bad chunk size in response');
      const n = parseInt(sizeHex, 16);
      if (n === 0) {
        const trailerEnd = buf.indexOf('\r\n\r\n', eol);
        const bare = buf.indexOf('\r\n', eol + 2) === eol + 2;
        if (bare) return ok();
        return trailerEnd >= 0 ? ok() : null;
      }
      buf = buf.subarray(eol + 2);
      remaining = n;
    }
  }

  return {
    push(chunk: Buffer): ReaderResult | null {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      return step();
    },
    /** The server closed the connection. */
    end(gotBytes: boolean): ReaderResult {
      if (!gotBytes)
        return { kind: 'no-response', error: 'the server closed the connection without answering' };
      if (phase === 'close') return ok();
      return broken('response ended early (connection closed mid-body)');
    },
  };
}
