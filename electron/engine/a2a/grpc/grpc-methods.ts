// The A2A v1.0 gRPC methods as the SDK ships them: the service definition of
// @a2a-js/sdk/server/grpc (paths, protobuf encode/decode generated from the A2A proto) joined to
// the SDK's proto-JSON codecs (@a2a-js/sdk fromJSON/toJSON), keyed by the v1.0 method name
// (the same name as the JSON-RPC method). Answers are turned into exactly the JSON the SDK's
// JSON-RPC handler puts in `result`, so one model feeds the timeline whatever the transport.
import {
  AgentCard,
  CancelTaskRequest,
  DeleteTaskPushNotificationConfigRequest,
  GetExtendedAgentCardRequest,
  GetTaskPushNotificationConfigRequest,
  GetTaskRequest,
  ListTaskPushNotificationConfigsRequest,
  ListTaskPushNotificationConfigsResponse,
  ListTasksRequest,
  ListTasksResponse,
  SendMessageRequest,
  SendMessageResponse,
  StreamResponse,
  SubscribeToTaskRequest,
  Task,
  TaskPushNotificationConfig,
} from '@a2a-js/sdk';
import { A2AService } from '@a2a-js/sdk/server/grpc';

export interface GrpcMethod {
  /** Full gRPC path, e.g. /lf.a2a.v1.A2AService/SendMessage. */
  path: string;
  /** Server streaming (SendStreamingMessage, SubscribeToTask). */
  streaming: boolean;
  /** v1.0 JSON params (as the JSON-RPC call carries them) → protobuf bytes. */
  encode(params: unknown): Buffer;
  /** Protobuf bytes of the request → proto-JSON (what the wire log shows as sent). */
  requestJson(bytes: Buffer): unknown;
  /** Protobuf bytes of one answer message → the v1.0 JSON the JSON-RPC path yields. */
  decode(bytes: Buffer): unknown;
}

interface Def<Req, Res> {
  path: string;
  responseStream: boolean;
  requestSerialize(value: Req): Buffer;
  requestDeserialize(value: Buffer): Req;
  responseDeserialize(value: Buffer): Res;
}

interface JsonCodec<T> {
  fromJSON(object: unknown): T;
  toJSON(message: T): unknown;
}

function method<Req, Res>(
  def: Def<Req, Res>,
  req: JsonCodec<Req>,
  toJson: (res: Res) => unknown,
): GrpcMethod {
  return {
    path: def.path,
    streaming: def.responseStream,
    encode: (params) => def.requestSerialize(req.fromJSON(params ?? {})),
    requestJson: (bytes) => req.toJSON(def.requestDeserialize(bytes)),
    decode: (bytes) => toJson(def.responseDeserialize(bytes)),
  };
}

/** ListTasks as the SDK's JSON-RPC handler serialises it (serializeListTasksResponse): the
 *  paging fields are always present. */
function listTasksJson(res: ListTasksResponse): unknown {
  const json = ListTasksResponse.toJSON(res) as Record<string, unknown>;
  return {
    ...json,
    tasks: json['tasks'] ?? [],
    nextPageToken: json['nextPageToken'] ?? '',
    pageSize: json['pageSize'] ?? 0,
    totalSize: json['totalSize'] ?? 0,
  };
}

const s = A2AService;
export const GRPC_METHODS: Readonly<Record<string, GrpcMethod>> = {
  SendMessage: method(s.sendMessage, SendMessageRequest, (r) => SendMessageResponse.toJSON(r)),
  SendStreamingMessage: method(s.sendStreamingMessage, SendMessageRequest, (r) =>
    StreamResponse.toJSON(r),
  ),
  GetTask: method(s.getTask, GetTaskRequest, (r) => Task.toJSON(r)),
  ListTasks: method(s.listTasks, ListTasksRequest, listTasksJson),
  CancelTask: method(s.cancelTask, CancelTaskRequest, (r) => Task.toJSON(r)),
  SubscribeToTask: method(s.subscribeToTask, SubscribeToTaskRequest, (r) =>
    StreamResponse.toJSON(r),
  ),
  CreateTaskPushNotificationConfig: method(
    s.createTaskPushNotificationConfig,
    TaskPushNotificationConfig,
    (r) => TaskPushNotificationConfig.toJSON(r),
  ),
  GetTaskPushNotificationConfig: method(
    s.getTaskPushNotificationConfig,
    GetTaskPushNotificationConfigRequest,
    (r) => TaskPushNotificationConfig.toJSON(r),
  ),
  ListTaskPushNotificationConfigs: method(
    s.listTaskPushNotificationConfigs,
    ListTaskPushNotificationConfigsRequest,
    (r) => ListTaskPushNotificationConfigsResponse.toJSON(r),
  ),
  // google.protobuf.Empty; the JSON-RPC handler answers `result: null`.
  DeleteTaskPushNotificationConfig: method(
    s.deleteTaskPushNotificationConfig,
    DeleteTaskPushNotificationConfigRequest,
    () => null,
  ),
  GetExtendedAgentCard: method(s.getExtendedAgentCard, GetExtendedAgentCardRequest, (r) =>
    AgentCard.toJSON(r),
  ),
};

/** The method of a v1.0 call name, or null (v0.3 names such as message/send have none). */
export function grpcMethodOf(name: string): GrpcMethod | null {
  return Object.hasOwn(GRPC_METHODS, name) ? GRPC_METHODS[name]! : null;
}
