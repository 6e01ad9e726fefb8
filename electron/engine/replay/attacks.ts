// Attack presets: each turns a capture into the request(s) a secure handler must refuse (or
// accept only once), built on a valid re-signed delivery so that exactly one thing is wrong.
// A preset that does not apply to the capture (e.g. no JWT) is skipped with the reason.
// Every delivery is signed at its own second (`stamp`), so no two probes share a signature and
// timestamp unless reuse is what the probe tests (duplicate-delivery): a handler that refuses a
// repeated signature+timestamp must not make an unrelated probe look refused.
import { randomBytes, randomUUID } from 'node:crypto';
import type { CaptureDetail } from '../../../shared/model';
import type { AttackName, Expectation } from '../../../shared/api/replay';
import { prepareResigned, type Prepared } from './prepare';
import type { SigningKeys } from './resign';
import { bearerToken } from './jwt-resign';
import { headerValue, removeHeader } from '../../../shared/wire-headers';

export interface CaptureWithBody {
  detail: CaptureDetail;
  body: Uint8Array;
}

export interface AttackStep {
  captureId: number;
  prepared: Prepared;
}

export interface AttackPlan {
  attack: AttackName;
  description: string;
  expected: Expectation;
  steps: AttackStep[];
  /** Send all steps at once (race on duplicate detection) instead of one after another. */
  concurrent: boolean;
  skipped: string | null;
}

export interface AttackInput {
  capture: CaptureWithBody;
  keys: SigningKeys;
  nowMs: number;
  /** The signing time of the next fresh delivery (ms): a different second on every call. */
  stamp: () => number;
  timestampWindowSec: number;
  duplicates: number;
  /** All webhooks of the capture's task in original order (for out-of-order). */
  taskCaptures: () => CaptureWithBody[];
}

export const ATTACK_INFO: Record<AttackName, { description: string; expected: Expectation }> = {
  'stale-timestamp': {
    description: 'valid signature, timestamp 1 h past the window',
    expected: 'reject',
  },
  'expired-jwt': { description: 'JWT correctly signed but expired', expected: 'reject' },
  'reused-jti': {
    description: 'second delivery reusing the first JWT id',
    expected: 'accept-once',
  },
  'tampered-byte': { description: 'one body byte changed after signing', expected: 'reject' },
  'wrong-secret': { description: 'everything signed with a wrong secret', expected: 'reject' },
  'signature-removed': { description: 'HMAC signature headers removed', expected: 'reject' },
  'jwt-other-task': { description: 'valid JWT issued for another task', expected: 'reject' },
  'alg-none': { description: 'JWT with alg "none" and no signature', expected: 'reject' },
  'duplicate-delivery': {
    description: 'the same delivery sent N times at once',
    expected: 'accept-once',
  },
  'out-of-order': {
    description: "the task's webhooks re-signed, newest first",
    expected: 'accept',
  },
};

const SIGNATURE_HEADERS = [
  'X-A2A-Signature',
  'X-Hub-Signature-256',
  'webhook-signature',
  'Stripe-Signature',
];

export function planAttack(attack: AttackName, a: AttackInput): AttackPlan {
  const { detail, body } = a.capture;
  const info = ATTACK_INFO[attack];
  const plan = (steps: Prepared[], concurrent = false): AttackPlan => ({
    attack,
    ...info,
    steps: steps.map((prepared) => ({ captureId: detail.id, prepared })),
    concurrent,
    skipped: null,
  });
  const skip = (reason: string): AttackPlan => ({
    attack,
    ...info,
    steps: [],
    concurrent: false,
    skipped: reason,
  });
  const signed = (tweaks: Parameters<typeof prepareResigned>[4] = {}) =>
    prepareResigned(detail, body, a.keys, a.stamp(), tweaks);
  const hasJwt = bearerToken(headerValue(detail.headers, 'Authorization')) !== null;
  const hasSignature = SIGNATURE_HEADERS.some((h) => headerValue(detail.headers, h) !== undefined);

  switch (attack) {
    case 'stale-timestamp': {
      const hasTs = ['X-A2A-Timestamp', 'webhook-timestamp'].some(
        (h) => headerValue(detail.headers, h) !== undefined,
      );
      if (!hasTs) return skip('the capture carries no timestamp header');
      return plan([signed({ timestampSec: a.nowMs / 1000 - a.timestampWindowSec - 3600 })]);
    }
    case 'expired-jwt':
      return hasJwt
        ? plan([signed({ jwtExpired: true })])
        : skip('the capture carries no Bearer JWT');
    case 'jwt-other-task':
      return hasJwt
        ? plan([signed({ jwtTaskId: randomUUID() })])
        : skip('the capture carries no Bearer JWT');
    case 'alg-none':
      return hasJwt
        ? plan([signed({ jwtAlgNone: true })])
        : skip('the capture carries no Bearer JWT');
    case 'reused-jti': {
      if (!hasJwt) return skip('the capture carries no Bearer JWT (no jti to reuse)');
      const first = signed();
      if (!first.jti) return skip('the JWT could not be re-issued (see the re-signed row)');
      // A fresh delivery in every respect (timestamp, webhook-id, signature) except the jti.
      return plan([first, signed({ jti: first.jti })]);
    }
    case 'duplicate-delivery': {
      const one = signed();
      return plan(
        Array.from({ length: a.duplicates }, () => one),
        true,
      );
    }
    case 'tampered-byte': {
      if (body.byteLength === 0) return skip('the capture has an empty body');
      return plan([tamper(signed())]);
    }
    case 'wrong-secret':
      return plan([signed({ wrongSecret: randomBytes(32).toString('base64url') })]);
    case 'signature-removed': {
      if (!hasSignature) return skip('the capture carries no signature header');
      const p = signed();
      let headers = p.headers;
      for (const h of SIGNATURE_HEADERS) headers = removeHeader(headers, h);
      const removed = SIGNATURE_HEADERS.filter((h) => headerValue(p.headers, h) !== undefined);
      return plan([
        {
          ...p,
          headers,
          changes: [...p.changes, ...removed.map((field) => ({ field, kind: 'removed' as const }))],
        },
      ]);
    }
    case 'out-of-order': {
      const all = detail.taskId ? a.taskCaptures() : [];
      if (all.length < 2) return skip('the task has fewer than two captured webhooks');
      const steps: AttackStep[] = [];
      for (const c of [...all].reverse()) {
        steps.push({
          captureId: c.detail.id,
          prepared: prepareResigned(c.detail, c.body, a.keys, a.stamp()),
        });
      }
      return { attack, ...info, steps, concurrent: false, skipped: null };
    }
  }
}

/** Flips the case of the last ASCII letter (the JSON stays valid, so only the signature check
 *  can catch it); falls back to flipping the lowest bit of the last byte. */
function tamper(p: Prepared): Prepared {
  const body = new Uint8Array(p.body);
  let i = body.length - 1;
  while (i >= 0 && !isLetter(body[i] ?? 0)) i--;
  if (i < 0) i = body.length - 1;
  const before = body[i] ?? 0;
  body[i] = isLetter(before) ? before ^ 0x20 : before ^ 0x01;
  const show = (b: number) => (isLetter(b) ? `'${String.fromCharCode(b)}'` : `0x${b.toString(16)}`);
  return {
    ...p,
    body,
    changes: [
      ...p.changes,
      {
        field: 'body',
        kind: 'replaced',
        before: `byte ${i} = ${show(before)}`,
        after: show(body[i] ?? 0),
      },
    ],
  };
}

/** Signing times one second apart, going back from `nowMs` (well inside any timestamp window
 *  for the ~20 deliveries of a report). */
export function freshClock(nowMs: number): () => number {
  let k = 0;
  return () => nowMs - 1000 * k++;
}

function isLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}
