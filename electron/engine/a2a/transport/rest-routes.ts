// The HTTP+JSON binding of each A2A operation: verb, path (relative to the interface URL),
// body, the 2xx status the binding answers with, and how the answer body maps back to the
// JSON-RPC `result` of the same call. Paths, verbs and bodies follow @a2a-js/sdk 1.3
// (client/transports/rest_transport.ts and server/express/rest_handler.ts for v1.0; the v0.3
// compat pair under `/v1` with proto JSON bodies). The input is the logical call of dialect.ts,
// v1.0 or v0.3 method name.
import { isLegacyJsonRpcMethod, legacyJsonRpcToV1Method } from '@a2a-js/sdk/compat/v0_3';
import { ApiError } from '../../../../shared/api';
import type { ProtocolVersion } from '../../../../shared/a2a/types';
import type { RpcCall } from '../dialect';
import {
  pushConfigFromProto,
  pushListFromProto,
  pushSetToProto,
  resultFromProto,
  sendToProto,
  taskFromProto,
} from './rest-v03';

export interface RestRoute {
  /** The v1.0 operation name (= gRPC method name). */
  op: string;
  version: ProtocolVersion;
  verb: 'GET' | 'POST' | 'DELETE';
  /** Path and query, to append to the interface URL (without its trailing slash). */
  path: string;
  /** JSON body; undefined = none. */
  body: unknown;
  stream: boolean;
  /** The success status of the binding (200, 201 for create / v0.3 send, 204 for delete). */
  okStatus: number;
  /** The answer's JSON (null for an empty 204) → the JSON-RPC-equivalent result. */
  result(json: unknown): unknown;
  /** One SSE `data` (JSON) → the JSON-RPC-equivalent result. */
  event(json: unknown): unknown;
}

type Params = Record<string, unknown>;
const enc = encodeURIComponent;
const same = (json: unknown): unknown => json;

function str(p: Params, key: string, op: string): string {
  const v = p[key];
  if (typeof v === 'string' && v !== '') return v;
  throw new ApiError(400, 'bad_call', `${op}: the request has no ${key}.`);
}

export function restRoute(version: ProtocolVersion, call: RpcCall): RestRoute {
  const op = isLegacyJsonRpcMethod(call.method)
    ? legacyJsonRpcToV1Method(call.method)
    : call.method;
  const p = call.params;
  const v03 = version === '0.3';
  const prefix = v03 ? '/v1' : '';
  const r = (
    verb: RestRoute['verb'],
    path: string,
    o: Partial<Pick<RestRoute, 'body' | 'stream' | 'okStatus' | 'result'>> = {},
  ): RestRoute => ({
    op,
    version,
    verb,
    path: prefix + path,
    body: o.body,
    stream: o.stream ?? false,
    okStatus: o.okStatus ?? 200,
    result: o.result ?? same,
    event: v03 ? resultFromProto : same,
  });
  // v0.3 names the task `id` in most params, v1.0 `taskId` on push configs.
  const taskOf = () => (typeof p['taskId'] === 'string' ? str(p, 'taskId', op) : str(p, 'id', op));
  const configOf = () => str(p, v03 ? 'pushNotificationConfigId' : 'id', op);
  const pushBase = () => `/tasks/${enc(taskOf())}/pushNotificationConfigs`;
  switch (op) {
    case 'SendMessage':
      return r('POST', '/message:send', {
        body: v03 ? sendToProto(p) : p,
        okStatus: v03 ? 201 : 200,
        result: v03 ? resultFromProto : same,
      });
    case 'SendStreamingMessage':
      return r('POST', '/message:stream', { body: v03 ? sendToProto(p) : p, stream: true });
    case 'GetTask': {
      const h =
        typeof p['historyLength'] === 'number' ? `?historyLength=${p['historyLength']}` : '';
      return r('GET', `/tasks/${enc(str(p, 'id', op))}${h}`, {
        result: v03 ? taskFromProto : same,
      });
    }
    case 'CancelTask':
      return r('POST', `/tasks/${enc(str(p, 'id', op))}:cancel`, {
        result: v03 ? taskFromProto : same,
      });
    // The SDK's v1.0 client subscribes with POST, its v0.3 client with GET (both are served).
    case 'SubscribeToTask':
      return r(v03 ? 'GET' : 'POST', `/tasks/${enc(str(p, 'id', op))}:subscribe`, {
        stream: true,
      });
    case 'ListTasks': {
      if (v03) break;
      const q = new URLSearchParams();
      for (const k of ['contextId', 'status', 'pageSize', 'pageToken', 'historyLength'])
        if (p[k] !== undefined && p[k] !== '') q.set(k, String(p[k] as string | number));
      const qs = q.toString();
      return r('GET', `/tasks${qs ? `?${qs}` : ''}`);
    }
    case 'CreateTaskPushNotificationConfig':
      return r('POST', pushBase(), {
        body: v03 ? pushSetToProto(taskOf(), p['pushNotificationConfig']) : p,
        okStatus: 201,
        result: v03 ? pushConfigFromProto : same,
      });
    case 'GetTaskPushNotificationConfig':
      return r('GET', `${pushBase()}/${enc(configOf())}`, {
        result: v03 ? pushConfigFromProto : same,
      });
    case 'ListTaskPushNotificationConfigs':
      return r('GET', pushBase(), { result: v03 ? pushListFromProto : same });
    case 'DeleteTaskPushNotificationConfig':
      return r('DELETE', `${pushBase()}/${enc(configOf())}`, { okStatus: 204, result: () => null });
  }
  throw new ApiError(
    400,
    'no_rest_binding',
    `${call.method} has no HTTP+JSON binding in A2A ${version}${op === 'ListTasks' ? ' (ListTasks exists from v1.0 on)' : ''}.`,
  );
}
