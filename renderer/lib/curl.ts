// Builds shell commands from captured requests. Every value is single-quoted for POSIX shells, so
// whatever an agent sent (quotes, $(...), backticks, newlines) is passed literally, never executed.
import type { CaptureDetail } from '../../shared/model';
import { decodeUtf8 } from './body';

/** POSIX single-quote: the only character needing care inside '...' is ' itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Headers curl computes itself or that only make sense on the original connection. */
const SKIP_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
]);

/** printf-escaped bytes for bodies that are not clean UTF-8 text. */
function printfEscape(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => '\\' + b.toString(8).padStart(3, '0')).join('');
}

export function curlForCapture(capture: CaptureDetail, body: Uint8Array, baseUrl: string): string {
  const url =
    baseUrl.replace(/\/$/, '') + capture.path + (capture.query ? `?${capture.query}` : '');
  const parts = [`curl -X ${shellQuote(capture.method)} ${shellQuote(url)}`];
  for (const [name, value] of capture.headers) {
    if (SKIP_HEADERS.has(name.toLowerCase())) continue;
    parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (body.length === 0) return parts.join(' \\\n  ');
  const text = decodeUtf8(body);
  if (text !== null && !text.includes('\0')) {
    parts.push(`--data-binary ${shellQuote(text)}`);
    return parts.join(' \\\n  ');
  }
  parts.push('--data-binary @-');
  return `printf ${shellQuote(printfEscape(body))} | ${parts.join(' \\\n  ')}`;
}
