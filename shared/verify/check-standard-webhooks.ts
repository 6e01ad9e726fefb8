// Check `standard-webhooks`: webhook-id / webhook-timestamp / webhook-signature per the Standard
// Webhooks spec. Signed content is `${id}.${timestamp}.${raw body}`; any v1 signature may match.
import type { Check, Settings } from '../model';
import { concatBytes, utf8 } from './bytes';
import { fail, pass, skip, skipUnconfigured, previewBytes } from './check-result';
import { headerValue } from './headers';
import { hmacSha256Base64, standardWebhooksKey, timingSafeEqual } from './hmac';
import { judgeSkew, judgedAt, parseUnixSeconds } from './time';
import type { VerifyContext, VerifyInput } from './types';

const ID = 'standard-webhooks';

/** The `v1,<base64>` entries of a webhook-signature header, and the other versions seen. */
function v1Signatures(header: string): { v1: string[]; others: string[] } {
  const v1: string[] = [];
  const others: string[] = [];
  for (const entry of header.trim().split(/\s+/)) {
    const comma = entry.indexOf(',');
    const version = comma < 0 ? entry : entry.slice(0, comma);
    if (version === 'v1' && comma > 0) v1.push(entry.slice(comma + 1));
    else if (entry) others.push(version);
  }
  return { v1, others };
}

export async function checkStandardWebhooks(
  input: VerifyInput,
  settings: Settings,
  ctx: VerifyContext,
): Promise<Check> {
  const signature = headerValue(input.headers, 'webhook-signature');
  if (signature === undefined) {
    return skip(ID, 'No webhook-signature header: the sender does not use Standard Webhooks.');
  }
  const id = headerValue(input.headers, 'webhook-id');
  const timestamp = headerValue(input.headers, 'webhook-timestamp');
  if (id === undefined || timestamp === undefined) {
    const missing = [
      id === undefined ? ['webhook-id'] : [],
      timestamp === undefined ? ['webhook-timestamp'] : [],
    ].flat();
    const verb = missing.length > 1 ? 'are' : 'is';
    return fail(
      ID,
      `webhook-signature is present but ${missing.join(' and ')} ${verb} missing: the signed content cannot be rebuilt.`,
    );
  }
  if (settings.standardWebhooksSecret === '') {
    return skipUnconfigured(ID, 'webhook-signature', 'standardWebhooksSecret');
  }
  let key: Uint8Array;
  try {
    key = standardWebhooksKey(settings.standardWebhooksSecret);
  } catch (err) {
    return fail(ID, `Cannot use "standardWebhooksSecret": ${(err as Error).message}.`);
  }
  const { v1, others } = v1Signatures(signature);
  const signed = concatBytes(utf8(`${id}.${timestamp}.`), input.body);
  const expected = await hmacSha256Base64(key, signed, ctx.crypto);
  const diagnosis = {
    expected: `v1,${expected}`,
    received: signature,
    signedBytes: String(signed.length),
    signedString: previewBytes(signed),
  };
  if (v1.length === 0) {
    const seen = others.length > 0 ? ` (found: ${others.join(', ')})` : '';
    return fail(ID, `webhook-signature has no "v1,<base64>" entry${seen}.`, diagnosis);
  }
  // Why constant-time: each candidate is attacker-controlled and compared to a secret MAC.
  if (!v1.some((candidate) => timingSafeEqual(candidate, expected))) {
    return fail(
      ID,
      `None of the ${v1.length} v1 signature(s) matches HMAC-SHA256 of "webhook-id.webhook-timestamp.body": wrong secret (a whsec_ secret is base64-decoded after the prefix), or the id, timestamp or body changed.`,
      diagnosis,
    );
  }
  const signedSec = parseUnixSeconds(timestamp);
  if (signedSec === null) return fail(ID, `webhook-timestamp "${timestamp}" is not unix seconds.`);
  // Why: the signature covers the timestamp, so a fresh timestamp proves a fresh delivery.
  const skew = judgeSkew(signedSec, judgedAt(input, ctx), settings.timestampWindowSec);
  if (!skew.ok)
    return fail(ID, `Signature matches but the timestamp is outside the window: ${skew.detail}.`);
  return pass(ID, `v1 signature matches webhook-id ${id}; ${skew.detail}.`);
}
