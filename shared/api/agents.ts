// Operations and result types of the A2A client domain: agents (card, validation, version,
// custom headers), messages (stream / push), task controls, push-config CRUD, the merged task
// timeline and the wire log. Header values are secrets: results carry only a masked preview.
import { z } from 'zod';
import { op, type HandlersOf } from './define';
export * from '../model/agents';
import type {
  AgentView,
  DiscoveredAgent,
  SendResult,
  TaskView,
  Timeline,
  WireExchange,
} from '../model/agents';
import type { Finding, TaskState } from '../a2a/types';
import { TRANSPORTS } from '../a2a/transports';

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
