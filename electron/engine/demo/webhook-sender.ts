// The tutorial dialect's completion webhook, as long_running_agent.py and
// enterprise_security_agent.py send it: Python-identical JSON body, X-A2A-Signature over those
// bytes, X-A2A-Timestamp, X-A2A-Task-ID, and for the enterprise agent a fresh HS256 JWT per
// attempt plus X-A2A-Security-Level. Delivered with retries (see delivery.ts).
import type { DeliveryAttempt } from '../../../shared/api/demo';
import type { PyJson } from '../../../shared/python-json';
import { unixSeconds } from './python-time';
import type { AgentRuntime } from './runtime';
import { hmacSignature, signEnterpriseJwt } from './signing';
import { serializeTutorialPayload, tutorialPayload } from './tutorial-payload';
import type { TutorialPushConfig } from './tutorial-push';

export const LONG_MESSAGE = 'Task completed - fetch results with tasks/get';
export const ENTERPRISE_MESSAGE = 'Enterprise task completed - fetch results with tasks/get';

export interface TutorialWebhook {
  config: TutorialPushConfig;
  taskId: string;
  result: string;
  /** Present for the enterprise agent (JWT, security level, metadata). */
  enterprise?: { metadata: { [key: string]: PyJson } };
}

/** Resolves with the last attempt, or null when the webhook could not be built or sent. */
export async function sendTutorialWebhook(
  rt: AgentRuntime,
  hook: TutorialWebhook,
): Promise<DeliveryAttempt | null> {
  try {
    return await deliverTutorialWebhook(rt, hook);
  } catch (err) {
    if (rt.signal.aborted) throw err;
    // Like the tutorial: a webhook that cannot be sent is logged, the task still completes.
    rt.log(`${rt.agent} webhook for task ${hook.taskId} not sent: ${(err as Error).message}`);
    return null;
  }
}

async function deliverTutorialWebhook(
  rt: AgentRuntime,
  hook: TutorialWebhook,
): Promise<DeliveryAttempt> {
  const payload = tutorialPayload({
    taskId: hook.taskId,
    result: hook.result,
    message: hook.enterprise ? ENTERPRISE_MESSAGE : LONG_MESSAGE,
    ...(hook.enterprise ? { metadata: hook.enterprise.metadata } : {}),
  });
  const body = serializeTutorialPayload(payload);
  // Why never a built-in default: the tutorial falls back to a literal secret everyone knows.
  // We sign with the client's secret, else the configured one (env or generated).
  const secret = hook.config.secret ?? rt.secrets().webhookSecret;
  const signature = hmacSignature(secret, body);

  return rt.deliver({
    agent: rt.agent,
    dialect: 'tutorial',
    taskId: hook.taskId,
    url: hook.config.url,
    body,
    async headers() {
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'X-A2A-Signature': signature,
        'X-A2A-Timestamp': unixSeconds(),
        'X-A2A-Task-ID': hook.taskId,
      };
      if (hook.enterprise) {
        const { token } = await signEnterpriseJwt(rt.secrets().jwtSecret, hook.taskId);
        headers['Authorization'] = `Bearer ${token}`;
        headers['X-A2A-Security-Level'] = 'enterprise';
      } else if (hook.config.authorization) {
        headers['Authorization'] = hook.config.authorization;
      }
      return headers;
    },
  });
}
