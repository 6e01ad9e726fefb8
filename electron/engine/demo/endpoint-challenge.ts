// The enterprise agent's webhook endpoint check before a "secure" task:
// GET {url}/validate?challenge=<uuid> must answer 200 with JSON {"challenge": <same uuid>}.
// Proves the endpoint's owner expects our webhooks before we send task data to it.
import { randomUUID } from 'node:crypto';
import { parseWebhookUrl } from './url-policy';

export interface ChallengeResult {
  ok: boolean;
  url: string;
  detail: string;
}

export function validationUrl(webhookUrl: string, challenge: string): string {
  const url = parseWebhookUrl(webhookUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/validate`;
  url.searchParams.set('challenge', challenge);
  return url.toString();
}

export async function challengeEndpoint(
  webhookUrl: string,
  opts: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ChallengeResult> {
  const challenge = randomUUID();
  let url = webhookUrl;
  try {
    url = validationUrl(webhookUrl, challenge);
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? 5000);
    const res = await fetch(url, {
      redirect: 'manual',
      signal: opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout,
    });
    const text = await res.text();
    if (res.status !== 200) return { ok: false, url, detail: `answered HTTP ${res.status}` };
    let echoed: unknown;
    try {
      echoed = (JSON.parse(text) as { challenge?: unknown }).challenge;
    } catch {
      return { ok: false, url, detail: 'answer is not JSON' };
    }
    if (echoed !== challenge)
      return { ok: false, url, detail: 'answer does not echo the challenge' };
    return { ok: true, url, detail: 'challenge echoed' };
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    return { ok: false, url, detail: cause?.code ?? (err as Error).message };
  }
}
