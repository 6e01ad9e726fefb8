// Result types of the A2A client domain: agents, tasks, send results, the wire log and the
// merged task timeline.
import type { HeaderPair } from './captures';
import type { CardSummary } from '../a2a/card-info';
import type { CardValidation } from '../a2a/validate-card';
import type { Transport } from '../a2a/transports';
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
}
