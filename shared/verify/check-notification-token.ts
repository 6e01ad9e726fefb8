// Check `notification-token`: the token A2A agents echo back (X-A2A-Notification-Token, or the
// credentials of `Authorization: <scheme> <token>` in v1.0) must equal the configured token.
import type { Check, Settings } from '../model';
import { fail, pass, skip, skipUnconfigured } from './check-result';
import { headerValue, parseAuthorization } from './headers';
import { timingSafeEqual } from './hmac';
import { decodeJwtForDisplay } from './jwt-decode';
import type { VerifyInput } from './types';

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

export function checkNotificationToken(input: VerifyInput, settings: Settings): Check {
  const configured = settings.notificationToken;
  const presented = presentedToken(input, configured);
  if (typeof presented === 'string') return skip(ID, presented);
  if (configured === '')
    return skipUnconfigured(ID, `A token (${presented.source})`, 'notificationToken');
  // Why constant-time: the presented token is attacker-controlled and compared to a secret.
  if (timingSafeEqual(presented.value, configured)) {
    return pass(ID, `The token in ${presented.source} equals the configured notification token.`);
  }
  // Lengths go to the diagnosis (shown locally), never into the detail an enforcing receiver
  // may send back to the caller.
  return fail(
    ID,
    `The token in ${presented.source} does not equal the configured notification token: the agent was registered with another token, or the request is not from it.`,
    {
      presentedLength: String(presented.value.length),
      configuredLength: String(configured.length),
    },
  );
}
