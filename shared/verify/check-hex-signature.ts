// The two `sha256=<hex>` HMAC schemes over the raw body: the tutorial's X-A2A-Signature
// (check hmac-sha256) and GitHub's X-Hub-Signature-256 (check github-signature).
import type { Check, CheckId, Settings } from '../model';
import { fail, pass, skip, skipUnconfigured, previewBytes } from './check-result';
import { headerValue } from './headers';
import { diagnoseHexSignature } from './hmac-diagnosis';
import { hmacSha256Hex, timingSafeEqual } from './hmac';
import type { SyncCrypto } from './sync-crypto';
import type { VerifyContext, VerifyInput } from './types';

type Parsed = { hex: string } | { problem: string; hex?: string };

/** Splits `sha256=<64 hex>`; a problem names what is wrong in the user's terms. */
export function parseHexSignature(value: string): Parsed {
  const trimmed = value.trim();
  const bare = /^[0-9a-fA-F]{64}$/.test(trimmed);
  if (!trimmed.startsWith('sha256=')) {
    if (bare) return { problem: 'the "sha256=" prefix is missing', hex: trimmed.toLowerCase() };
    const scheme = /^([A-Za-z0-9-]+)=/.exec(trimmed)?.[1];
    return scheme
      ? { problem: `it uses the "${scheme}=" scheme; expected "sha256=<hex>"` }
      : { problem: 'it is not of the form "sha256=<hex>"' };
  }
  const hex = trimmed.slice('sha256='.length);
  if (!/^[0-9a-fA-F]*$/.test(hex)) return { problem: 'the signature has non-hex characters' };
  if (hex.length !== 64) {
    return { problem: `the signature has ${hex.length} hex digits; HMAC-SHA256 has 64` };
  }
  if (hex !== hex.toLowerCase()) {
    return {
      problem: 'the hex digits are upper-case; receivers compare lower-case hex exactly',
      hex: hex.toLowerCase(),
    };
  }
  return { hex };
}

interface Scheme {
  id: CheckId;
  header: string;
  /** Header carrying a timestamp the sender may have folded into the signed string. */
  timestampHeader?: string;
}

async function checkHexSignature(
  scheme: Scheme,
  input: VerifyInput,
  secret: string,
  crypto: SyncCrypto | undefined,
): Promise<Check> {
  const { id, header } = scheme;
  const received = headerValue(input.headers, header);
  if (received === undefined) {
    return skip(id, `No ${header} header: the sender did not sign with this scheme.`);
  }
  if (secret === '') return skipUnconfigured(id, `${header}`, 'webhookSecret');
  const expected = await hmacSha256Hex(secret, input.body, crypto);
  // Only a failure shows what was signed (a preview of the body is not free).
  const diagnosis = (): Record<string, string> => ({
    expected: `sha256=${expected}`,
    received,
    signedBytes: String(input.body.length),
    signedString: previewBytes(input.body),
  });
  const parsed = parseHexSignature(received);
  if ('problem' in parsed) {
    // A well-formed digest hidden behind the format problem is worth saying: the secret is right.
    const right = parsed.hex !== undefined && timingSafeEqual(parsed.hex, expected);
    const lead = right ? 'the digest itself is right, but ' : '';
    return fail(id, `${header} is malformed: ${lead}${parsed.problem}.`, diagnosis());
  }
  // Why constant-time: the received value is attacker-controlled and compared to a secret MAC.
  if (timingSafeEqual(parsed.hex, expected)) {
    return pass(
      id,
      `HMAC-SHA256 of the ${input.body.length} raw body bytes matches (secret: webhookSecret).`,
    );
  }
  const causes = await diagnoseHexSignature({
    secret,
    body: input.body,
    receivedHex: parsed.hex,
    timestamp: scheme.timestampHeader
      ? headerValue(input.headers, scheme.timestampHeader)
      : undefined,
    settingName: 'webhookSecret',
    crypto,
  });
  return fail(id, `${header} does not match the raw body: ${causes[0] ?? 'unknown cause'}.`, {
    ...diagnosis(),
    likelyCauses: causes.join('\n'),
  });
}

export function checkHmacSha256(
  input: VerifyInput,
  settings: Settings,
  ctx?: Pick<VerifyContext, 'crypto'>,
): Promise<Check> {
  const scheme = {
    id: 'hmac-sha256',
    header: 'X-A2A-Signature',
    timestampHeader: 'X-A2A-Timestamp',
  } as const;
  return checkHexSignature(scheme, input, settings.webhookSecret, ctx?.crypto);
}

export function checkGithubSignature(
  input: VerifyInput,
  settings: Settings,
  ctx?: Pick<VerifyContext, 'crypto'>,
): Promise<Check> {
  return checkHexSignature(
    { id: 'github-signature', header: 'X-Hub-Signature-256' },
    input,
    settings.webhookSecret,
    ctx?.crypto,
  );
}
