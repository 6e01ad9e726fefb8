// Authentication checks of one scenario, read off the receiver's own verification of each
// capture: the per-task token echoed (standard dialects), the HMAC signature with the secret
// Switchboard gave (tutorial dialect, or whenever one is sent), and a JWT when one is sent:
// valid, with iss, aud, a short lifetime, a jti never seen before in this report, bound to the
// task. Only claim names and our verdicts reach the report, never token values.
import { decodeJwt } from 'jose';
import type { AgentCheck } from '../../../shared/api/agent-report';
import type { CheckId } from '../../../shared/model';
import { headerValue } from '../../../shared/wire-headers';
import { ids, row } from './check';
import type { Hook, ScenarioResult } from './scenario';

const HEADS = {
  token: {
    id: 'auth.token',
    group: 'authentication',
    title: 'notification token echoed',
    required: true,
  },
  hmac: { id: 'auth.hmac', group: 'authentication', title: 'HMAC signature valid', required: true },
  jwt: { id: 'auth.jwt', group: 'authentication', title: 'JWT valid, claims sane', required: true },
} as const;

/** Why: a JWT that lives long is a long replay window; the tutorial uses 5 minutes. */
const MAX_JWT_LIFETIME_S = 15 * 60;

const statusOf = (h: Hook, id: CheckId) => h.capture.checks.find((c) => c.id === id);

export function judgeAuth(r: ScenarioResult, seenJtis: Set<string>): AgentCheck[] {
  const d = r.spec.dialect;
  if (!r.hooks.length) {
    return [HEADS.token, HEADS.hmac, HEADS.jwt].map((h) => row(h, d, 'n/a', 'no webhook to judge'));
  }
  const out: AgentCheck[] = [];
  const failing = (id: CheckId) => r.hooks.filter((h) => statusOf(h, id)?.status !== 'pass');
  if (d === 'tutorial') {
    out.push(
      row(
        HEADS.token,
        d,
        'n/a',
        'the tutorial dialect carries no token (it signs with the secret)',
      ),
    );
  } else {
    const bad = failing('notification-token');
    out.push(
      bad.length
        ? row(
            HEADS.token,
            d,
            'fail',
            `${ids(bad)}: ${statusOf(bad[0]!, 'notification-token')?.detail ?? 'no token header'}`,
            bad,
          )
        : row(
            HEADS.token,
            d,
            'pass',
            'every webhook carries the token Switchboard registered for the task',
            r.hooks,
          ),
    );
  }
  const signed = r.hooks.filter(
    (h) => statusOf(h, 'hmac-sha256')?.status !== 'skip' && statusOf(h, 'hmac-sha256'),
  );
  if (d === 'tutorial' || signed.length) {
    const bad = failing('hmac-sha256');
    out.push(
      bad.length
        ? row(
            { ...HEADS.hmac, required: d === 'tutorial' },
            d,
            'fail',
            `${ids(bad)}: ${statusOf(bad[0]!, 'hmac-sha256')?.detail ?? 'not signed'}`,
            bad,
          )
        : row(
            { ...HEADS.hmac, required: d === 'tutorial' },
            d,
            'pass',
            'every webhook is signed with the secret Switchboard gave',
            r.hooks,
          ),
    );
  } else {
    out.push(row({ ...HEADS.hmac, required: false }, d, 'n/a', 'not asked for and not sent'));
  }
  out.push(judgeJwt(r, seenJtis));
  return out;
}

function bearer(h: Hook): string | null {
  const auth = headerValue(h.capture.headers, 'Authorization');
  const m = auth ? /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]*)$/i.exec(auth.trim()) : null;
  return m ? m[1]! : null;
}

function judgeJwt(r: ScenarioResult, seenJtis: Set<string>): AgentCheck {
  const d = r.spec.dialect;
  const withJwt = r.hooks.filter((h) => bearer(h) !== null);
  if (!withJwt.length) return row({ ...HEADS.jwt, required: false }, d, 'n/a', 'no JWT sent');
  const problems: string[] = [];
  const bad: Hook[] = [];
  for (const h of withJwt) {
    const mine: string[] = [];
    const check = statusOf(h, 'jwt');
    if (check?.status !== 'pass') mine.push(`not valid (${check?.detail ?? 'not verified'})`);
    let claims: Record<string, unknown> = {};
    try {
      claims = decodeJwt(bearer(h)!);
    } catch {
      mine.push('unreadable');
    }
    if (typeof claims['iss'] !== 'string') mine.push('no iss');
    if (claims['aud'] === undefined) mine.push('no aud');
    const exp = Number(claims['exp']);
    const iat = Number(claims['iat']);
    if (!Number.isFinite(iat)) mine.push('no iat');
    if (!Number.isFinite(exp)) mine.push('no exp');
    else if (Number.isFinite(iat) && exp - iat > MAX_JWT_LIFETIME_S)
      mine.push(`lives ${Math.round(exp - iat)} s (over ${MAX_JWT_LIFETIME_S} s)`);
    const jti = claims['jti'];
    if (typeof jti !== 'string') mine.push('no jti');
    else if (seenJtis.has(jti)) mine.push('jti reused');
    else seenJtis.add(jti);
    const bound = claims['taskId'] ?? claims['task_id'] ?? claims['sub'];
    if (bound !== r.taskId) mine.push('not bound to the task (no taskId claim naming it)');
    if (mine.length) {
      bad.push(h);
      problems.push(`#${h.capture.id}: ${mine.join(', ')}`);
    }
  }
  return bad.length
    ? row(HEADS.jwt, d, 'fail', problems.join('; '), bad)
    : row(
        HEADS.jwt,
        d,
        'pass',
        'valid; iss, aud, iat, a short exp, a fresh jti and the task id',
        withJwt,
      );
}
