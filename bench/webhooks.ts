// The webhooks the receiver and replay benches send: tutorial enterprise webhooks (HMAC + HS256
// JWT), each with its own JWT and jti, as an agent sends them, spread over a few tasks as a
// burst from one agent is. One webhook sent again and again would let the code under test keep
// its last decoded token, which real traffic never allows.
import { randomUUID } from 'node:crypto';
import { tutorialWebhook, type SignedWebhook } from '../test/helpers/tutorial-webhook';

/** Tasks the webhooks belong to (round robin). */
const TASKS = 20;

export async function distinctWebhooks(
  count: number,
  secrets: { webhookSecret: string; jwtSecret: string },
): Promise<SignedWebhook[]> {
  const tasks = Array.from({ length: TASKS }, () => randomUUID());
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      tutorialWebhook({
        webhookSecret: secrets.webhookSecret,
        jwtSecret: secrets.jwtSecret,
        taskId: tasks[i % TASKS]!,
      }),
    ),
  );
}
