// JSON-RPC method names and parameter shapes per protocol version, checked against
// @a2a-js/sdk 1.3 (server/express JsonRpcTransportHandler for v1.0, LegacyJsonRpcTransportHandler
// + toCore* translators for v0.3). v1.0 enums are proto JSON names (ROLE_USER); parts carry no
// `kind`; the push config list method is `ListTaskPushNotificationConfigs` (plural).
import { randomUUID } from 'node:crypto';
import { cardHasExtension, TUTORIAL_PUSH_EXTENSION } from '../../../shared/a2a/card-info';
import type { Transport } from '../../../shared/a2a/transports';
import type { ProtocolVersion, PushDialect } from '../../../shared/a2a/types';

export interface PushRequest {
  dialect: PushDialect;
  url: string;
  token: string;
  /** HMAC secret, sent only in the tutorial dialect. */
  secret: string;
  /** v1.0 / v0.3 `authentication` of the push config: the agent then sends
   *  `Authorization: <scheme> <credentials>` with each webhook. */
  authentication?: { scheme: 'Bearer'; credentials: string } | undefined;
}

/** The push config's `authentication` in each dialect's shape (v1.0 one scheme, v0.3 a list). */
function authenticationOf(push: PushRequest): Params {
  const a = push.authentication;
  if (!a) return {};
  return push.dialect === 'v1.0'
    ? { authentication: { scheme: a.scheme, credentials: a.credentials } }
    : { authentication: { schemes: [a.scheme], credentials: a.credentials } };
}

export interface ComposeInput {
  text: string;
  contextId?: string | undefined;
  taskId?: string | undefined;
  stream: boolean;
  push: PushRequest | null;
}

type Params = Record<string, unknown>;
export interface RpcCall {
  method: string;
  params: Params;
}

export function composeMessage(v: ProtocolVersion, c: ComposeInput): RpcCall {
  const ids = {
    ...(c.contextId ? { contextId: c.contextId } : {}),
    ...(c.taskId ? { taskId: c.taskId } : {}),
  };
  const message =
    v === '1.0'
      ? { messageId: randomUUID(), role: 'ROLE_USER', parts: [{ text: c.text }], ...ids }
      : {
          kind: 'message',
          messageId: randomUUID(),
          role: 'user',
          parts: [{ kind: 'text', text: c.text }],
          ...ids,
        };
  const params: Params = { message };
  const configuration: Params = {};
  // Without streaming, ask for a non-blocking answer: the task goes on and push/get follow it.
  if (!c.stream) {
    if (v === '1.0') configuration['returnImmediately'] = true;
    else configuration['blocking'] = false;
  }
  if (c.push?.dialect === 'tutorial') {
    params['pushNotificationConfig'] = { url: c.push.url, secret: c.push.secret };
  } else if (c.push?.dialect === 'v0.3') {
    configuration['pushNotificationConfig'] = {
      url: c.push.url,
      token: c.push.token,
      ...authenticationOf(c.push),
    };
  } else if (c.push?.dialect === 'v1.0') {
    configuration['taskPushNotificationConfig'] = {
      url: c.push.url,
      token: c.push.token,
      ...authenticationOf(c.push),
    };
  }
  if (Object.keys(configuration).length) params['configuration'] = configuration;
  const method =
    v === '1.0'
      ? c.stream
        ? 'SendStreamingMessage'
        : 'SendMessage'
      : c.stream
        ? 'message/stream'
        : 'message/send';
  return { method, params };
}

export const taskCalls = {
  get: (v: ProtocolVersion, id: string): RpcCall => ({
    method: v === '1.0' ? 'GetTask' : 'tasks/get',
    params: { id },
  }),
  cancel: (v: ProtocolVersion, id: string): RpcCall => ({
    method: v === '1.0' ? 'CancelTask' : 'tasks/cancel',
    params: { id },
  }),
  subscribe: (v: ProtocolVersion, id: string): RpcCall => ({
    method: v === '1.0' ? 'SubscribeToTask' : 'tasks/resubscribe',
    params: { id },
  }),
  list: (contextId?: string): RpcCall => ({
    method: 'ListTasks',
    params: contextId ? { contextId } : {},
  }),
};

export const pushCalls = {
  set: (v: ProtocolVersion, taskId: string, url: string, token: string): RpcCall =>
    v === '1.0'
      ? { method: 'CreateTaskPushNotificationConfig', params: { taskId, url, token } }
      : {
          method: 'tasks/pushNotificationConfig/set',
          params: { taskId, pushNotificationConfig: { url, token } },
        },
  get: (v: ProtocolVersion, taskId: string, configId: string): RpcCall =>
    v === '1.0'
      ? { method: 'GetTaskPushNotificationConfig', params: { taskId, id: configId } }
      : {
          method: 'tasks/pushNotificationConfig/get',
          params: { id: taskId, pushNotificationConfigId: configId },
        },
  list: (v: ProtocolVersion, taskId: string): RpcCall =>
    v === '1.0'
      ? { method: 'ListTaskPushNotificationConfigs', params: { taskId } }
      : { method: 'tasks/pushNotificationConfig/list', params: { id: taskId } },
  delete: (v: ProtocolVersion, taskId: string, configId: string): RpcCall =>
    v === '1.0'
      ? { method: 'DeleteTaskPushNotificationConfig', params: { taskId, id: configId } }
      : {
          method: 'tasks/pushNotificationConfig/delete',
          params: { id: taskId, pushNotificationConfigId: configId },
        },
};

/** Push configs from a list answer: v1.0 `{configs: [...]}`, v0.3 a bare array. */
export function pushConfigsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  const configs = (result as { configs?: unknown } | null)?.configs;
  return Array.isArray(configs) ? configs : [];
}

/** The tutorial dialect rides in the JSON-RPC params; over HTTP+JSON and gRPC the request
 *  schema has no room for it, so those take the version's standard push config. */
export function defaultPushDialect(
  v: ProtocolVersion,
  card?: unknown,
  transport: Transport = 'JSONRPC',
): PushDialect {
  if (transport === 'JSONRPC' && cardHasExtension(card, TUTORIAL_PUSH_EXTENSION)) return 'tutorial';
  return v === '1.0' ? 'v1.0' : 'v0.3';
}
