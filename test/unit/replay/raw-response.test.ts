import { describe, expect, it } from 'vitest';
import {
  createResponseReader,
  type ReaderResult,
} from '../../../electron/engine/replay/raw-response';

/** Feeds the response one byte at a time (worst-case splitting), then reports the result. */
function read(
  raw: string,
  opts: { method?: string; max?: number; close?: boolean } = {},
): ReaderResult {
  const r = createResponseReader(opts.method ?? 'POST', opts.max ?? 1024);
  const bytes = Buffer.from(raw, 'latin1');
  for (let i = 0; i < bytes.length; i++) {
    const out = r.push(bytes.subarray(i, i + 1));
    if (out) return out;
  }
  return r.end(bytes.length > 0);
}
const body = (r: ReaderResult) =>
  r.kind === 'ok' ? Buffer.from(r.body).toString('latin1') : r.error;

describe('raw HTTP/1.1 response reader', () => {
  it('reads Content-Length bodies and keeps header order and casing', () => {
    const r = read('HTTP/1.1 201 Created\r\nX-B: 1\r\ncontent-length: 5\r\n\r\nhello');
    expect(r).toMatchObject({
      kind: 'ok',
      status: 201,
      headers: [
        ['X-B', '1'],
        ['content-length', '5'],
      ],
      keepAlive: true,
    });
    expect(body(r)).toBe('hello');
  });

  it('decodes chunked bodies with extensions and trailers, skipping 100 Continue', () => {
    const raw =
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n';
    const r = read(raw);
    expect(r).toMatchObject({ kind: 'ok', status: 200 });
    expect(body(r)).toBe('abcde');
  });

  it('reads until close when there is no length, and does not keep that connection', () => {
    const r = read('HTTP/1.0 200 OK\r\n\r\nall of it');
    expect(r).toMatchObject({ kind: 'ok', keepAlive: false });
    expect(body(r)).toBe('all of it');
  });

  it('keeps the connection by version and Connection header, whatever their case', () => {
    const ok = 'Content-Length: 2\r\n\r\nok';
    expect(read(`HTTP/1.1 200 OK\r\n${ok}`)).toMatchObject({ keepAlive: true });
    expect(read(`HTTP/1.1 200 OK\r\nconnection: Close\r\n${ok}`)).toMatchObject({
      keepAlive: false,
    });
    expect(read(`HTTP/1.0 200 OK\r\n${ok}`)).toMatchObject({ keepAlive: false });
    expect(read(`HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\n${ok}`)).toMatchObject({
      keepAlive: true,
    });
    // The first Content-Length and Transfer-Encoding decide the framing.
    const twice = read('HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 9\r\n\r\nabc');
    expect(body(twice)).toBe('abc');
    const chunked = read(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n',
    );
    expect(body(chunked)).toBe('hi');
  });

  it('has no body for HEAD, 204 and 304', () => {
    expect(read('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n', { method: 'HEAD' })).toMatchObject(
      { kind: 'ok' },
    );
    expect(read('HTTP/1.1 204 No Content\r\n\r\n')).toMatchObject({ kind: 'ok', status: 204 });
  });

  it('caps the body, flags truncation, and reports broken or missing responses', () => {
    const r = read(`HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n${'x'.repeat(100)}`, { max: 10 });
    expect(r).toMatchObject({ kind: 'ok', truncated: true, keepAlive: false });
    expect(body(r)).toBe('x'.repeat(10));
    expect(read('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc')).toMatchObject({
      kind: 'broken',
    });
    expect(read('')).toMatchObject({ kind: 'no-response' });
    expect(read('SSH-2.0-OpenSSH\r\n\r\n')).toMatchObject({ kind: 'broken' });
  });
});
