// "Copy as curl": a command that sends the captured request's exact bytes and headers.
// Quoting: plain-printable values go in single quotes ('\'' for a quote); anything else uses
// bash/zsh ANSI-C quoting $'...' with \xHH escapes, so no byte is interpreted by the shell.
// Bodies containing NUL go through POSIX printf octal escapes piped into --data-binary @-.
// The one builder: the UI's "Copy as curl" (curlForCapture) and the replay CLI both use it.
import type { CaptureDetail, HeaderPair } from './model';
import { headerValue, replayableHeaders } from './wire-headers';

export function shellQuote(value: string | Uint8Array): string {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  const printable = bytes.every((b) => b >= 0x20 && b < 0x7f);
  if (printable) {
    const text = new TextDecoder().decode(bytes);
    return `'${text.replace(/'/g, `'\\''`)}'`;
  }
  let out = "$'";
  for (const b of bytes) {
    if (b === 0x27) out += "\\'";
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out + "'";
}

/** `stream`: the answer is an SSE stream, printed as it arrives (-N, no buffering). */
export function curlCommand(
  method: string,
  url: string,
  headers: HeaderPair[],
  body: Uint8Array,
  opts: { stream?: boolean } = {},
): string {
  const list = replayableHeaders(headers);
  const parts = ['curl', '-sS', ...(opts.stream ? ['-N'] : []), '--http1.1', '-X'];
  parts.push(shellQuote(method), shellQuote(url));
  for (const [name, value] of list) {
    // curl drops a header given as "Name:" with an empty value; "Name;" sends it empty.
    parts.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  // Why suppress curl's own defaults: the replay must carry the captured headers only.
  for (const name of ['User-Agent', 'Accept', 'Content-Type']) {
    if (headerValue(list, name) === undefined) parts.push('-H', shellQuote(`${name}:`));
  }
  parts.push('-H', shellQuote('Expect:'));
  if (body.byteLength === 0) return parts.join(' ');
  // A NUL byte cannot live in a shell word, and a leading '@' would make curl read a file:
  // both go through printf (octal escapes) on stdin. The leading %s keeps printf from reading
  // a body that starts with '-' as an option.
  if (body.includes(0) || body[0] === 0x40) {
    return `printf ${printfFormat(body)} '' | ${parts.join(' ')} --data-binary @-`;
  }
  parts.push('--data-binary', shellQuote(body));
  return parts.join(' ');
}

/** A single-quoted POSIX printf format that prints exactly these bytes. */
export function printfFormat(bytes: Uint8Array): string {
  let out = "'%s";
  for (const b of bytes) {
    if (b === 0x27) out += "'\\''";
    else if (b === 0x25) out += '%%';
    else if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += '\\' + b.toString(8).padStart(3, '0');
  }
  return out + "'";
}

/** "Copy as curl" for a capture, aimed at `baseUrl` with the captured path and query. */
export function curlForCapture(capture: CaptureDetail, body: Uint8Array, baseUrl: string): string {
  const url =
    baseUrl.replace(/\/$/, '') + capture.path + (capture.query ? `?${capture.query}` : '');
  return curlCommand(capture.method, url, capture.headers, body);
}
