// Where a replay goes: an explicit URL or, by default, the capture's own path and query on
// Switchboard's receiver. Only http(s). Non-loopback targets need an explicit confirmation.
import { ApiError } from '../../../shared/api/define';
import { isLoopbackHost } from '../../../shared/host-scope';

export interface TargetCapture {
  path: string;
  query: string;
}

export function defaultTarget(receiverUrl: string, capture: TargetCapture): string {
  const base = receiverUrl.replace(/\/+$/, '');
  return base + capture.path + (capture.query ? `?${capture.query}` : '');
}

/** Parses and checks a target. Why the confirmation: a replay carries captured bodies and
 *  credentials (JWTs, tokens); sending them off the machine must be a deliberate act. */
export function checkTarget(raw: string, confirmNonLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError(
      400,
      'bad_target',
      `"${raw}" is not a URL. Use e.g. http://127.0.0.1:3000/webhook.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ApiError(
      400,
      'bad_target',
      `Replay targets must be http:// or https:// (got ${url.protocol}).`,
    );
  }
  if (url.username || url.password) {
    throw new ApiError(400, 'bad_target', 'Put credentials in a header, not in the target URL.');
  }
  if (!isLoopbackHost(url.hostname) && !confirmNonLoopback) {
    throw new ApiError(
      403,
      'confirm_non_loopback',
      `${url.host} is not on this machine. The replay would send the captured body and its ` +
        'credentials there. To go ahead, tick “The target may be off this machine” (CLI: --yes).',
    );
  }
  return url;
}
