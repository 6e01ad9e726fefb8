// What the demo agents accept as a webhook URL and when they warn. Only http(s) is accepted.
// Plain HTTP to a non-loopback host gets a warning (the tutorial's checklist: HTTPS in
// production); loopback is what a local inspector uses, so it is not warned about.
import { isLoopbackHost } from '../../../shared/host-scope';

export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`webhook URL "${raw.slice(0, 200)}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`webhook URL must use http or https, not ${url.protocol}`);
  }
  return url;
}

/** A warning for plain HTTP to a non-loopback host, else null. */
export function webhookUrlWarning(raw: string): string | null {
  let url: URL;
  try {
    url = parseWebhookUrl(raw);
  } catch (err) {
    return (err as Error).message;
  }
  if (url.protocol === 'https:' || isLoopbackHost(url.hostname)) return null;
  return `plain HTTP to ${url.hostname}: anyone on the path can read and alter webhooks; use HTTPS outside localhost`;
}
