// "Copy as curl" for a capture: the shared builder (shared/curl.ts, the one the replay CLI uses)
// aimed at this receiver, with the captured path and query. Every value is shell-quoted, so
// whatever an agent sent is passed literally, never executed; a body starting with '@' or
// holding NUL goes through printf on stdin so curl never reads a file instead of the bytes.
import { curlCommand } from '../../shared/curl';
import type { CaptureDetail } from '../../shared/model';

export function curlForCapture(capture: CaptureDetail, body: Uint8Array, baseUrl: string): string {
  const url =
    baseUrl.replace(/\/$/, '') + capture.path + (capture.query ? `?${capture.query}` : '');
  return curlCommand(capture.method, url, capture.headers, body);
}
