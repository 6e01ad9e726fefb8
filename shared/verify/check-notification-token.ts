// Check `notification-token`: the token A2A agents echo back (X-A2A-Notification-Token, or the
// credentials of `Authorization: <scheme> <token>` in v1.0) must be one Switchboard registered
// for this very task (per-task tokens of its own push configs), or the configured token (agents
// the user set up by hand). The detail says which one matched. A v1.0/v0.3 push config's
// `authentication` credential Switchboard generated counts the same way when it arrives as
// `Authorization: <scheme> <credential>` (alone, or beside the token header): right task passes,
// another task's credential fails.
import type { Check, Settings } from '../model';
import { fail, pass, skip, skipUnconfigured } from './check-result';
import { headerValue, parseAuthorization } from './headers';
import { timingSafeEqual } from './hmac';
import { decodeJwtForDisplay } from './jwt-decode';
import type { RegisteredToken, VerifyContext, VerifyInput } from './types';

const ID = 'notification-token';

interface Presented {
  source: string;
  value: string;
}

function presentedToken(input: VerifyInput, configured: string): Presented | string {
  const header = headerValue(input.headers, 'X-A2A-Notification-Token');
  // The dedicated header wins: with v1.0 `authentication`, Authorization may carry other
  // credentials than the token, while SDKs still send the token header beside it.
  if (header !== undefined) return { source: 'X-A2A-Notification-Token', value: header.trim() };
  const auth = parseAuthorization(input.headers);
  if (!auth)
    return 'No X-A2A-Notification-Token or Authorization header: the sender presented no token.';
  const source = auth.scheme
    ? `Authorization (${auth.scheme} scheme)`
    : 'Authorization (no scheme)';
  // A JWT in Authorization is the jwt check's business, unless it is literally the token.
  if (decodeJwtForDisplay(auth.credentials) && !timingSafeEqual(auth.credentials, configured)) {
    return 'No X-A2A-Notification-Token header, and Authorization carries a JWT (see the jwt check), not a notification token.';
  }
  return { source, value: auth.credentials };
}

function configOf(r: RegisteredToken): string {
  return r.configId ? ` (push config ${r.configId})` : '';
}

/** The presented token is one Switchboard registered: right task, or another task's token. */
function registeredOutcome(r: RegisteredToken, p: Presented, taskId: string | null): Check {
  const auth = r.kind === 'authorization';
  const what = auth ? `The credential in ${p.source}` : `The token in ${p.source}`;
  const credential =
    "the Authorization credential Switchboard registered in the push config's authentication";
  const isThe = auth ? credential : 'the one Switchboard registered';
  const equalsThe = auth ? credential : 'the token Switchboard registered';
  if (r.taskId === null) {
    return pass(
      ID,
      `${what} is ${isThe} with the message it sent${configOf(r)}; the agent had not named the task yet when this arrived.`,
    );
  }
  if (taskId === null) {
    return pass(
      ID,
      `${what} equals ${equalsThe} for task "${r.taskId}"${configOf(r)}; this notification names no task.`,
    );
  }
  if (r.taskId === taskId) {
    return pass(ID, `${what} equals ${equalsThe} for this task ("${taskId}")${configOf(r)}.`);
  }
  // Why fail: a per-task token or credential authenticates notifications about its own task
  // only; another task's here means a mixed-up sender or one replayed against a different task.
  return fail(
    ID,
    `${what} is ${isThe} for task "${r.taskId}"${configOf(r)}, but this notification is about task "${taskId}".`,
  );
}

/** Beside a token header, an Authorization credential Switchboard registered is checked too. */
function withAuthorization(
  check: Check,
  input: VerifyInput,
  registered: VerifyContext['registeredTokens'],
): Check {
  // Without the token header, Authorization was the presented token itself: checked already.
  if (headerValue(input.headers, 'X-A2A-Notification-Token') === undefined) return check;
  const a = parseAuthorization(input.headers);
  const match = a && a.credentials ? (registered?.find(a.credentials) ?? null) : null;
  if (!a || match?.kind !== 'authorization') return check;
  const source = a.scheme ? `Authorization (${a.scheme} scheme)` : 'Authorization (no scheme)';
  const auth = registeredOutcome(match, { source, value: a.credentials }, input.taskId);
  if (auth.status === 'fail' || check.status !== 'pass')
    return auth.status === 'fail' ? auth : check;
  return pass(ID, `${check.detail} ${auth.detail}`);
}

export function checkNotificationToken(
  input: VerifyInput,
  settings: Settings,
  ctx?: Pick<VerifyContext, 'registeredTokens'>,
): Check {
  const configured = settings.notificationToken;
  const presented = presentedToken(input, configured);
  if (typeof presented === 'string') return skip(ID, presented);
  const registered = ctx?.registeredTokens;
  const match = registered?.find(presented.value) ?? null;
  if (match)
    return withAuthorization(registeredOutcome(match, presented, input.taskId), input, registered);
  // Why constant-time: the presented token is attacker-controlled and compared to a secret.
  if (configured !== '' && timingSafeEqual(presented.value, configured)) {
    return withAuthorization(
      pass(ID, `The token in ${presented.source} equals the configured notification token.`),
      input,
      registered,
    );
  }
  const forTask = input.taskId && registered ? registered.countForTask(input.taskId) : 0;
  if (configured === '' && forTask === 0)
    return skipUnconfigured(ID, `A token (${presented.source})`, 'notificationToken');
  const expected = [
    forTask > 0 ? `the token Switchboard registered for task "${input.taskId}"` : '',
    configured !== '' ? 'the configured notification token' : '',
  ].filter(Boolean);
  // Lengths go to the diagnosis (shown locally), never into the detail an enforcing receiver
  // may send back to the caller.
  return fail(
    ID,
    `The token in ${presented.source} does not equal ${expected.join(' or ')}: the agent was registered with another token, or the request is not from it.`,
    {
      presentedLength: String(presented.value.length),
      ...(configured !== '' ? { configuredLength: String(configured.length) } : {}),
      ...(forTask > 0 ? { registeredForTask: String(forTask) } : {}),
    },
  );
}
