// Re-signs a request the way its sender would have: fresh X-A2A-Timestamp and X-A2A-Signature
// (tutorial: hex HMAC-SHA256 of the raw body), GitHub's X-Hub-Signature-256, Standard Webhooks
// id/timestamp/signature, and the Bearer JWT (new iat/exp/jti). Only schemes present in the
// captured headers are touched; every change is listed. Attack tweaks reuse the same path.
import { randomBytes, randomUUID } from 'node:crypto';
import type { HeaderPair } from '../../../shared/model';
import type { ReplayChange } from '../../../shared/api/replay';
import { standardWebhooksKey } from '../../../shared/verify/index';
import { nodeCrypto } from '../captures/node-crypto';
import { bearerToken, resignJwt } from './jwt-resign';
import { editHeaders } from '../../../shared/wire-headers';

export interface SigningKeys {
  webhookSecret: string;
  jwtSecret: string;
  standardWebhooksSecret: string;
}

export interface ResignTweaks {
  /** Override for the timestamps put in headers (stale-timestamp attack). */
  timestampSec?: number;
  /** Sign everything with this secret instead of the configured ones (wrong-secret attack). */
  wrongSecret?: string;
  jti?: string;
  webhookId?: string;
  jwtExpired?: boolean;
  jwtTaskId?: string;
  jwtAlgNone?: boolean;
}

export interface Resigned {
  headers: HeaderPair[];
  changes: ReplayChange[];
  /** The jti put in the JWT, when one was issued (for reused-jti attacks). */
  jti: string | null;
  webhookId: string | null;
  jwtReissued: boolean;
}

/** The headers that carry `sha256=<hex HMAC of the body>`: the tutorial's and GitHub's. */
const HMAC_HEADERS = ['X-A2A-Signature', 'X-Hub-Signature-256'];

const short = (v: string) => (v.length > 48 ? `${v.slice(0, 45)}...` : v);

export function resign(
  input: HeaderPair[],
  body: Uint8Array,
  keys: SigningKeys,
  nowMs: number,
  tweaks: ResignTweaks = {},
): Resigned {
  const headers = editHeaders(input);
  const changes: ReplayChange[] = [];
  const nowSec = nowMs / 1000;
  const ts = String(Math.floor(tweaks.timestampSec ?? nowSec));
  const hmacSecret = tweaks.wrongSecret ?? keys.webhookSecret;
  const replace = (name: string, after: string, note?: string) => {
    const before = headers.get(name);
    headers.set(name, after);
    // Diffs list only real changes: re-signing to the same value (same body, same second) is none.
    if (before === after) return;
    const change: ReplayChange =
      before === undefined
        ? { field: name, kind: 'added', after: short(after) }
        : { field: name, kind: 'replaced', before: short(before), after: short(after) };
    if (note) change.note = note;
    changes.push(change);
  };
  const keep = (name: string, note: string) => changes.push({ field: name, kind: 'kept', note });

  const a2aSig = headers.get('X-A2A-Signature');
  if (headers.get('X-A2A-Timestamp') !== undefined || a2aSig !== undefined) {
    replace('X-A2A-Timestamp', ts);
  }
  for (const name of HMAC_HEADERS) {
    if (headers.get(name) === undefined) continue;
    if (!hmacSecret) keep(name, 'no webhook secret configured: sent as captured');
    else
      replace(
        name,
        `sha256=${nodeCrypto.hmacSha256Hex(hmacSecret, body)}`,
        'HMAC-SHA256 of the body',
      );
  }

  let webhookId: string | null = null;
  if (headers.get('webhook-signature') !== undefined) {
    const secret = tweaks.wrongSecret
      ? 'whsec_' + Buffer.from(tweaks.wrongSecret).toString('base64')
      : keys.standardWebhooksSecret;
    const key = secret ? safeKey(secret) : null;
    if (!key) keep('webhook-signature', 'no usable Standard Webhooks secret: sent as captured');
    else {
      webhookId = tweaks.webhookId ?? `msg_${randomBytes(12).toString('hex')}`;
      replace('webhook-id', webhookId);
      replace('webhook-timestamp', ts);
      const signed = new Uint8Array(Buffer.concat([Buffer.from(`${webhookId}.${ts}.`), body]));
      replace(
        'webhook-signature',
        `v1,${Buffer.from(nodeCrypto.hmacSha256(key, signed)).toString('base64')}`,
        'signs id.timestamp.body',
      );
    }
  }

  let jti: string | null = null;
  let jwtReissued = false;
  const auth = headers.get('Authorization');
  const token = bearerToken(auth);
  if (token) {
    const r = resignJwt(token, {
      now: nowSec,
      secret: tweaks.wrongSecret ?? keys.jwtSecret,
      jti: tweaks.jti ?? randomUUID(),
      ...(tweaks.jwtExpired ? { expired: true } : {}),
      ...(tweaks.jwtTaskId !== undefined ? { taskId: tweaks.jwtTaskId } : {}),
      ...(tweaks.jwtAlgNone ? { algNone: true } : {}),
    });
    if (r.ok) {
      replace('Authorization', `Bearer ${r.token}`, r.note);
      jti = typeof r.claims.jti === 'string' ? r.claims.jti : null;
      jwtReissued = true;
    } else keep('Authorization', `JWT sent as captured: ${r.reason}`);
  }
  if (headers.get('Stripe-Signature') !== undefined) {
    keep('Stripe-Signature', 'Stripe signatures are not re-signed (no Stripe secret setting)');
  }
  return { headers: headers.pairs(), changes, jti, webhookId, jwtReissued };
}

function safeKey(secret: string): Uint8Array | null {
  try {
    return standardWebhooksKey(secret);
  } catch {
    return null;
  }
}
