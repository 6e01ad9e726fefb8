// Operations and result types of the A2A client domain: agents (card, validation, version,
// custom headers), messages (stream / push), task controls, push-config CRUD, the merged task
// timeline and the wire log. Header values are secrets: results carry only a masked preview.
import { z } from 'zod';
import { op, type HandlersOf } from './define';
import type { HeaderPair } from '../model';
import type { CardSummary } from '../a2a/card-info';
import type { CardValidation } from '../a2a/validate-card';
import { TRANSPORTS, type Transport } from '../a2a/transports';
import type { Finding, ProtocolVersion, PushDialect, TaskState, TimelineEvent } from '../a2a/types';

export interface AgentView {
  id: number;
  baseUrl: string;
  /** Where the card was found (agent-card.json, or the older agent.json). */
  cardUrl: string;
  card: unknown;
  summary: CardSummary;
  validation: CardValidation;
  detectedVersion: ProtocolVersion;
  /** Effective version (override, else detected). */
  protocolVersion: ProtocolVersion;
  versionOverride: ProtocolVersion | null;
  pushDialect: PushDialect;
  pushDialectOverride: PushDialect | null;
  /** Endpoint of the effective transport and version (JSON-RPC URL, HTTP+JSON base URL or
   *  gRPC address). */
  rpcUrl: string;
  /** Effective transport (override, else the card's first interface Switchboard speaks). */
  transport: Transport;
  transportOverride: Transport | null;
  /** The transports the card offers that Switchboard speaks, in card order. */
  transports: { transport: Transport; urls: string[]; versions: ProtocolVersion[] }[];
  /** Custom headers: names and a masked preview, never the value. */
  headers: { name: string; preview: string }[];
  /** Origins besides the base URL's that the user confirmed the custom headers may go to. */
  headerOrigins: string[];
  createdAt: number;
  updatedAt: number;
}

/** An agent card answering on a probed localhost port. */
export interface DiscoveredAgent {
  url: string;
  name: string;
  cardUrl: string;
  /** Already added (its id), or null. */
  agentId: number | null;
}

export interface TaskView {
  taskId: string;
  agentId: number;
  contextId: string | null;
  state: TaskState;
  protocolVersion: ProtocolVersion;
  /** True while an SSE stream for this task is open. */
  streaming: boolean;
  /** The push config Switchboard registered; the token is a secret, shown masked only. */
  push: {
    url: string;
    tokenPreview: string;
    configId: string | null;
    dialect: PushDialect;
    /** The config's `authentication`, masked: "Bearer ••• (32 chars)"; absent when none. */
    authPreview?: string;
  } | null;
  lastText: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface SendResult {
  /** null when the agent answered with a Message and created no task. */
  taskId: string | null;
  contextId: string | null;
  kind: 'task' | 'message';
  state: TaskState | null;
  exchangeId: number;
}

export interface WireFrame {
  id: number;
  at: number;
  raw: string;
  event: string | null;
  data: string | null;
}

export interface WireExchange {
  id: number;
  agentId: number | null;
  taskId: string | null;
  startedAt: number;
  durationMs: number | null;
  rpcMethod: string | null;
  /** The binding the exchange went over (null: JSON-RPC rows from before transports, card
   *  fetches). */
  transport: Transport | null;
  method: string;
  url: string;
  requestHeaders: HeaderPair[];
  requestBody: string;
  status: number | null;
  responseHeaders: HeaderPair[];
  responseBody: string;
  error: string | null;
  frameCount: number;
  frames?: WireFrame[];
  /** The command that replays the exchange: curl, or grpcurl for a gRPC exchange. */
  curl: string;
  /** gRPC exchanges only. Their frames carry each message's bytes in hex (`raw`) and the
   *  message as JSON (`data`); `requestBody` / `responseBody` are the request / unary answer as
   *  JSON, `requestHeaders` the metadata sent. */
  grpc?: GrpcWireInfo;
}

export interface GrpcWireInfo {
  /** Full method path, e.g. /lf.a2a.v1.A2AService/SendMessage. */
  path: string;
  /** host:port the call went to. */
  address: string;
  tls: boolean;
  /** The request message's bytes (secrets replaced by «redacted»). */
  requestHex: string;
  /** The unary answer's bytes; null for streams (their messages are frames) and failures. */
  responseHex: string | null;
  /** null while the call is open. */
  status: { code: number; name: string; details: string } | null;
  /** A2A error reason from grpc-status-details-bin (google.rpc.ErrorInfo), if any. */
  reason: string | null;
  trailers: HeaderPair[];
}

export interface Timeline {
  task: TaskView | null;
  events: TimelineEvent[];
  /** Every finding (also attached to its event); stream-level ones have frameId null. With
   *  `limit`: the stream-level findings and those of the returned events only. */
  findings: Finding[];
  /** Paged answers only (`limit` given): events of the whole timeline, index of the first
   *  returned event, cursor of the next page (null at the end), per-lane and finding counts, and
   *  the state in force and arrival time just before `offset` (segments and gaps of row 0). */
  total?: number;
  offset?: number;
  nextCursor?: string | null;
  counts?: { stream: number; webhook: number; findings: number };
  before?: { at: number; segment: TaskState | null } | null;
  /** A first tail page answered before the whole timeline was built and linted: no findings
   *  yet. The engine builds it right after; ask again for the same page to get them. */
  partial?: boolean;
}

const id = z.coerce.number().int().positive();
const taskId = z.string().min(1).max(512);
const version = z.enum(['0.3', '1.0']);
const dialect = z.enum(['tutorial', 'v0.3', 'v1.0']);
const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'not a valid HTTP header name');
const boolArg = z.union([
  z.boolean(),
  z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
]);
const headers = z.record(headerName, z.string().max(8192));

export const agentOps = {
  addAgent: op<AgentView>()({
    verb: 'POST',
    path: '/api/agents',
    args: z.object({
      url: z.url(),
      headers: headers.optional(),
      protocolVersion: version.optional(),
      pushDialect: dialect.optional(),
      timeoutMs: z.number().int().min(100).max(120_000).optional(),
    }),
  }),
  listAgents: op<AgentView[]>()({ verb: 'GET', path: '/api/agents', args: z.object({}) }),
  discoverAgents: op<DiscoveredAgent[]>()({
    verb: 'GET',
    path: '/api/agents/discover',
    args: z.object({
      ports: z
        .string()
        .regex(/^\d{1,5}(,\d{1,5})*$/)
        .max(200)
        .optional(),
    }),
  }),
  listRemoteTasks: op<{ tasks: unknown[]; nextPageToken: string | null }>()({
    verb: 'GET',
    path: '/api/agents/:id/remote-tasks',
    args: z.object({ id, contextId: z.string().max(512).optional() }),
  }),
  getAgent: op<AgentView>()({ verb: 'GET', path: '/api/agents/:id', args: z.object({ id }) }),
  updateAgent: op<AgentView>()({
    verb: 'PUT',
    path: '/api/agents/:id',
    args: z.object({
      id,
      protocolVersion: version.nullable().optional(),
      pushDialect: dialect.nullable().optional(),
      /** JSONRPC | HTTP+JSON | GRPC; null = back to the card's default. */
      transport: z.enum(TRANSPORTS).nullable().optional(),
      /** Replaces all custom headers when given. */
      headers: headers.optional(),
      /** Replaces the confirmed other origins the custom headers may be sent to. */
      headerOrigins: z.array(z.url()).max(16).optional(),
    }),
  }),
  refreshAgent: op<AgentView>()({
    verb: 'POST',
    path: '/api/agents/:id/refresh',
    args: z.object({ id }),
  }),
  deleteAgent: op<{ deleted: boolean }>()({
    verb: 'DELETE',
    path: '/api/agents/:id',
    args: z.object({ id }),
  }),
  sendMessage: op<SendResult>()({
    verb: 'POST',
    path: '/api/agents/:id/messages',
    args: z.object({
      id,
      text: z.string().min(1).max(1_000_000),
      stream: z.boolean().default(true),
      push: z.boolean().default(false),
      contextId: z.string().max(512).optional(),
      taskId: taskId.optional(),
      /** Webhook URL override (default: Switchboard's receiver + /webhook). */
      pushUrl: z.url().optional(),
      /** `authentication` on the push config (v1.0 / v0.3 dialects): none, or Bearer with a
       *  credential Switchboard generates, registers for the task and shows masked only. */
      pushAuth: z.enum(['none', 'bearer']).optional(),
      timeoutMs: z.number().int().min(100).max(600_000).optional(),
    }),
  }),
  listTasks: op<TaskView[]>()({
    verb: 'GET',
    path: '/api/tasks',
    args: z.object({
      agentId: id.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  }),
  getTask: op<TaskView>()({ verb: 'GET', path: '/api/tasks/:taskId', args: z.object({ taskId }) }),
  fetchTask: op<{ task: unknown; state: TaskState | null }>()({
    verb: 'POST',
    path: '/api/tasks/:taskId/get',
    args: z.object({ taskId }),
  }),
  disconnectTask: op<{ disconnected: boolean }>()({
    verb: 'POST',
    path: '/api/tasks/:taskId/disconnect',
    args: z.object({ taskId }),
  }),
  resubscribeTask: op<{ exchangeId: number }>()({
    verb: 'POST',
    path: '/api/tasks/:taskId/resubscribe',
    args: z.object({ taskId }),
  }),
  cancelTask: op<{ task: unknown; state: TaskState | null }>()({
    verb: 'POST',
    path: '/api/tasks/:taskId/cancel',
    args: z.object({ taskId }),
  }),
  listPushConfigs: op<{ configs: unknown[] }>()({
    verb: 'GET',
    path: '/api/tasks/:taskId/push-configs',
    args: z.object({ taskId }),
  }),
  getPushConfig: op<{ config: unknown }>()({
    verb: 'GET',
    path: '/api/tasks/:taskId/push-configs/:configId',
    args: z.object({ taskId, configId: z.string().min(1).max(512) }),
  }),
  setPushConfig: op<{ config: unknown }>()({
    verb: 'POST',
    path: '/api/tasks/:taskId/push-configs',
    args: z.object({ taskId, url: z.url().optional() }),
  }),
  /** `findings`: deviations accepted leniently (e.g. `rpc-missing-result`). */
  deletePushConfig: op<{ deleted: boolean; findings: Finding[] }>()({
    verb: 'DELETE',
    path: '/api/tasks/:taskId/push-configs/:configId',
    args: z.object({ taskId, configId: z.string().min(1).max(512) }),
  }),
  getTimeline: op<Timeline>()({
    verb: 'GET',
    path: '/api/tasks/:taskId/timeline',
    // Optional paging: `limit` events from `cursor` (an event index, or `tail` for the last page).
    args: z.object({
      taskId,
      limit: z.coerce.number().int().min(1).max(5000).optional(),
      cursor: z
        .string()
        .regex(/^(tail|\d{1,9})$/, 'cursor is an event index or "tail"')
        .optional(),
    }),
  }),
  listWire: op<WireExchange[]>()({
    verb: 'GET',
    path: '/api/wire',
    args: z.object({
      taskId: z.string().max(512).optional(),
      agentId: id.optional(),
      frames: boolArg.default(true),
      limit: z.coerce.number().int().min(1).max(1000).default(200),
    }),
  }),
};

/** What the engine implements for this table. */
export type AgentOpsHandlers = HandlersOf<typeof agentOps>;
