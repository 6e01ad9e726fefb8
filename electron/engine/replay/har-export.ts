// HAR 1.2 export of captures: one entry per capture with the exact headers (order, casing) and
// body (text when it is valid UTF-8, else base64 with `encoding: "base64"`), so import gives
// back the same bytes. The response part holds the receiver's status only.
import type { CaptureDetail } from '../../../shared/model';

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    cookies: never[];
    headers: HarHeader[];
    queryString: HarHeader[];
    postData?: { mimeType: string; text: string; encoding?: 'base64' };
    headersSize: number;
    bodySize: number;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: never[];
    headers: HarHeader[];
    content: { size: number; mimeType: string };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  _switchboard: { captureId: number; verdict: string; taskId: string | null };
}

// fatal: invalid UTF-8 must go to base64; ignoreBOM: a leading BOM must survive the round trip.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function harEntry(c: CaptureDetail, body: Uint8Array, baseUrl: string): HarEntry {
  const url = baseUrl.replace(/\/+$/, '') + c.path + (c.query ? `?${c.query}` : '');
  const query = [...new URLSearchParams(c.query)].map(([name, value]) => ({ name, value }));
  let postData: HarEntry['request']['postData'];
  const mimeType = c.contentType ?? '';
  if (body.byteLength > 0 || !['GET', 'HEAD'].includes(c.method)) {
    try {
      postData = { mimeType, text: strictUtf8.decode(body) };
    } catch {
      postData = { mimeType, text: Buffer.from(body).toString('base64'), encoding: 'base64' };
    }
  }
  return {
    startedDateTime: new Date(c.receivedAt).toISOString(),
    time: 0,
    request: {
      method: c.method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: c.headers.map(([name, value]) => ({ name, value })),
      queryString: query,
      ...(postData ? { postData } : {}),
      headersSize: -1,
      bodySize: body.byteLength,
    },
    response: {
      status: c.responseStatus ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _switchboard: { captureId: c.id, verdict: c.verdict, taskId: c.taskId },
  };
}

export function harDocument(entries: HarEntry[], version: string): string {
  return JSON.stringify(
    { log: { version: '1.2', creator: { name: 'Switchboard', version }, entries } },
    null,
    2,
  );
}
