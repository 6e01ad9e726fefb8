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
const EMPTY = Buffer.alloc(0);
const broken = (error: string): ReaderResult => ({ kind: 'broken', error });

/** A reader for one response (see the header). A class, not closures: one is made per request. */
class ResponseReader {
  private buf: Buffer = EMPTY;
  private phase: 'head' | 'length' | 'chunked' | 'close' = 'head';
  private status = 0;
  private headers: HeaderPair[] = [];
  private keepAlive = true;
  private remaining = 0;
  private readonly parts: Buffer[] = [];
  private size = 0;
  private truncated = false;

  constructor(
    private readonly method: string,
    private readonly maxBytes: number,
  ) {}

  push(chunk: Buffer): ReaderResult | null {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    return this.step();
  }

  /** The server closed the connection. */
  end(gotBytes: boolean): ReaderResult {
    if (!gotBytes)
      return { kind: 'no-response', error: 'the server closed the connection without answering' };
    if (this.phase === 'close') return this.ok();
    return broken('response ended early (connection closed mid-body)');
  }

  private ok(): ReaderResult {
    const body = Buffer.concat(this.parts, this.size);
    return {
      kind: 'ok',
      status: this.status,
      headers: this.headers,
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      truncated: this.truncated,
      keepAlive: this.keepAlive && !this.truncated && this.phase !== 'close',
    };
  }

  /** Adds body bytes; true when the cap was hit. */
  private take(b: Buffer): boolean {
    const room = this.maxBytes - this.size;
    if (b.length > room) {
      this.parts.push(b.subarray(0, room));
      this.size = this.maxBytes;
      this.truncated = true;
      return true;
    }
    this.parts.push(b);
    this.size += b.length;
    return false;
  }

  private parseHead(): ReaderResult | null | 'more' {
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return this.buf.length > MAX_HEAD ? broken('response headers too large') : 'more';
    const lines = this.buf.subarray(0, end).toString('latin1').split('\r\n');
    this.buf = this.buf.subarray(end + 4);
    const m = /^HTTP\/1\.([01]) (\d{3})/.exec(lines[0] ?? '');
    if (!m) return broken(`not an HTTP/1.x response: "${(lines[0] ?? '').slice(0, 60)}"`);
    const status = Number(m[2]);
    this.status = status;
    const headers: HeaderPair[] = [];
    this.headers = headers;
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
    this.keepAlive = m[1] === '1' ? connection !== 'close' : connection === 'keep-alive';
    if (this.method.toUpperCase() === 'HEAD' || status === 204 || status === 304) {
      this.remaining = 0;
      this.phase = 'length';
    } else if (transferEncoding?.includes('chunked')) this.phase = 'chunked';
    else if (contentLength !== undefined) {
      this.remaining = Number(contentLength);
      if (!Number.isSafeInteger(this.remaining) || this.remaining < 0)
        return broken('invalid Content-Length in response');
      this.phase = 'length';
    } else this.phase = 'close';
    return null;
  }

  private step(): ReaderResult | null {
    for (;;) {
      if (this.phase === 'head') {
        const r = this.parseHead();
        if (r === 'more') return null;
        if (r) return r;
        if (this.status < 200) continue;
      }
      if (this.phase === 'length') {
        const n = Math.min(this.remaining, this.buf.length);
        const chunk = this.buf.subarray(0, n);
        this.buf = this.buf.subarray(n);
        this.remaining -= n;
        if (this.take(chunk)) return this.ok();
        return this.remaining === 0 ? this.ok() : null;
      }
      if (this.phase === 'close') {
        const chunk = this.buf;
        this.buf = EMPTY;
        return this.take(chunk) ? this.ok() : null;
      }
      // chunked: "<hex size>[;ext]\r\n<data>\r\n" ... "0\r\n[trailers]\r\n"
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, this.buf.length);
        if (this.take(this.buf.subarray(0, n))) return this.ok();
        this.buf = this.buf.subarray(n);
        this.remaining -= n;
        if (this.remaining > 0) return null;
        this.remaining = -2; // expect the CRLF after the data
      }
      if (this.remaining === -2) {
        if (this.buf.length < 2) return null;
        this.buf = this.buf.subarray(2);
        this.remaining = 0;
      }
      const buf = this.buf;
      const eol = buf.indexOf('\r\n');
      if (eol < 0) return buf.length > MAX_HEAD ? broken('bad chunked encoding') : null;
      const line = buf.subarray(0, eol).toString('latin1');
      const sizeHex = line.split(';')[0]?.trim() ?? '';
      if (!/^[0-9a-fA-F]+$/.test(sizeHex)) return broken('bad chunk size in response');
      const n = parseInt(sizeHex, 16);
      if (n === 0) {
        const trailerEnd = buf.indexOf('\r\n\r\n', eol);
        const bare = buf.indexOf('\r\n', eol + 2) === eol + 2;
        if (bare) return this.ok();
        return trailerEnd >= 0 ? this.ok() : null;
      }
      this.buf = buf.subarray(eol + 2);
      this.remaining = n;
    }
  }
}

export function createResponseReader(method: string, maxBytes: number): ResponseReader {
  return new ResponseReader(method, maxBytes);
}
