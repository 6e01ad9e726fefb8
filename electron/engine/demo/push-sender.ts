// Push notifications for the standard dialects (v0.3 `configuration.pushNotificationConfig` /
// `tasks/pushNotificationConfig/set`, v1.0 `taskPushNotificationConfig` /
// `CreateTaskPushNotificationConfig`): the same bodies and token headers as the SDK's
// DefaultPushNotificationSender (its own serializers, per registered wire version), plus our
// X-A2A-Signature / X-A2A-Timestamp / X-A2A-Task-ID, retries and the delivery log.
// Invariant: notifications of one task go out in event order (one chain per task).
import type { StreamResponse, Task } from '@a2a-js/sdk';
import { V03PushNotificationSerializer } from '@a2a-js/sdk/compat/v0_3/server';
import {
  V1PushNotificationSerializer,
  type PushNotificationSender,
  type PushNotificationSerializer,
  type PushNotificationStore,
  type ServerCallContext,
  type StoredPushNotificationConfig,
} from '@a2a-js/sdk/server';
import { unixSeconds } from './python-time';
import type { AgentRuntime } from './runtime';
import { hmacSignature, signEnterpriseJwt } from './signing';

export const TOKEN_HEADER = 'X-A2A-Notification-Token';

function taskIdOf(response: StreamResponse): string {
  const payload = response.payload;
  if (!payload) return '';
  return payload.$case === 'task' ? payload.value.id : payload.value.taskId;
}

async function storedConfigs(
  store: PushNotificationStore,
  taskId: string,
  context: ServerCallContext,
): Promise<StoredPushNotificationConfig[]> {
  if (store.loadWithMetadata) return store.loadWithMetadata(taskId, context);
  const wireVersion = context.requestedVersion || '0.3';
  return (await store.load(taskId, context)).map((config) => ({ config, wireVersion }));
}

export function createSignedPushSender(
  rt: AgentRuntime,
  store: PushNotificationStore,
  opts: { enterprise: boolean },
): PushNotificationSender {
  const v1 = new V1PushNotificationSerializer();
  const v03 = new V03PushNotificationSerializer();
  const serializerFor = (wire: string): PushNotificationSerializer =>
    wire.startsWith('0.') ? v03 : v1;
  const chains = new Map<string, Promise<void>>();

  const dispatch = async (
    response: StreamResponse,
    stored: StoredPushNotificationConfig,
    taskId: string,
    task?: Task,
  ): Promise<void> => {
    const { config, wireVersion } = stored;
    const { body, contentType } = serializerFor(wireVersion).serialize(response, task);
    const auth = config.authentication;
    const hasAuth = Boolean(auth?.scheme && auth.credentials);
    await rt.deliver({
      agent: rt.agent,
      dialect: wireVersion.startsWith('0.') ? 'v0.3' : 'v1.0',
      taskId,
      url: config.url,
      body,
      async headers() {
        const headers: Record<string, string> = { 'Content-Type': contentType };
        if (hasAuth && auth) headers['Authorization'] = `${auth.scheme} ${auth.credentials}`;
        // Sent whenever a token was registered (the SDK omits it when authentication is set);
        // the reference SDKs' receivers look for it, so the token check can always run.
        if (config.token) headers[TOKEN_HEADER] = config.token;
        const { webhookSecret, jwtSecret } = rt.secrets();
        if (webhookSecret) headers['X-A2A-Signature'] = hmacSignature(webhookSecret, body);
        headers['X-A2A-Timestamp'] = unixSeconds();
        headers['X-A2A-Task-ID'] = taskId;
        if (opts.enterprise) {
          if (!hasAuth) {
            const { token } = await signEnterpriseJwt(jwtSecret, taskId);
            headers['Authorization'] = `Bearer ${token}`;
          }
          headers['X-A2A-Security-Level'] = 'enterprise';
        }
        return headers;
      },
    });
  };

  return {
    async send(response, context, task) {
      const taskId = taskIdOf(response);
      if (!taskId) return;
      const configs = await storedConfigs(store, taskId, context);
      if (configs.length === 0) return;
      const previous = chains.get(taskId) ?? Promise.resolve();
      const next = previous.then(async () => {
        await Promise.all(
          configs.map((stored) =>
            dispatch(response, stored, taskId, task).catch((err: unknown) => {
              rt.log(`push to ${stored.config.url} not sent: ${(err as Error).message}`);
            }),
          ),
        );
      });
      chains.set(taskId, next);
      try {
        await next;
      } finally {
        if (chains.get(taskId) === next) chains.delete(taskId);
      }
    },
  };
}
