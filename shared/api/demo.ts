// Operations of the demo domain: the tutorial's two agents (start/stop, URL, card), their webhook
// delivery log with a success rate, and the receiver's response rules (answer a path with a
// chosen status, delay or body, or fail the next N requests, to watch an agent retry).
import { z } from 'zod';
import { op } from './define';
import type { Page } from '../model';

export const DEMO_AGENT_NAMES = ['long', 'enterprise'] as const;
export type DemoAgentName = (typeof DEMO_AGENT_NAMES)[number];
export type DemoAgentStatus = 'stopped' | 'starting' | 'running' | 'error';

export interface DemoAgentInfo {
  name: DemoAgentName;
  /** The agent card's name, e.g. "Long-Running Task Agent". */
  title: string;
  status: DemoAgentStatus;
  /** Base URL (JSON-RPC endpoint and card origin) while running. */
  url: string | null;
  port: number | null;
  defaultPort: number;
  /** Delays are divided by this factor. */
  speed: number;
  /** The agent card as a v1.0 client receives it, while running. */
  card: Record<string, unknown> | null;
  /** Why the last start failed (e.g. port in use), in words the user can act on. */
  error: string | null;
}

/** tutorial: the seed's body and headers; v0.3 / v1.0: what the A2A SDK sends, plus our HMAC. */
export type PushDialect = 'tutorial' | 'v0.3' | 'v1.0';
/** Header the demo agents send with every webhook attempt (1 for the first try), so a receiver
 *  can tell retries apart. */
export const DELIVERY_ATTEMPT_HEADER = 'X-Switchboard-Delivery-Attempt';

export type DeliveryOutcome = 'delivered' | 'retry' | 'failed';

/** One HTTP attempt to deliver one webhook. A delivery is all attempts sharing deliveryId. */
export interface DeliveryAttempt {
  /** Row id in the store (0 when not stored). */
  id: number;
  deliveryId: string;
  agent: DemoAgentName;
  dialect: PushDialect;
  taskId: string;
  url: string;
  /** 1 for the first try. */
  attempt: number;
  /** When the attempt started (ms since epoch). */
  at: number;
  /** The wait before this attempt (0 for the first). */
  delayMs: number;
  /** HTTP status, or null when no response arrived (timeout, refused). */
  status: number | null;
  latencyMs: number;
  error: string | null;
  /** delivered (2xx), retry (another attempt follows), failed (given up). */
  outcome: DeliveryOutcome;
  /** e.g. plain HTTP to a non-loopback host. */
  warning: string | null;
}

export interface DeliveryStats {
  /** Deliveries that reached an end (delivered or failed). */
  deliveries: number;
  delivered: number;
  failed: number;
  attempts: number;
  /** delivered / deliveries, null before the first finished delivery. */
  successRate: number | null;
}

export interface DeliveryPage extends Page<DeliveryAttempt> {
  stats: DeliveryStats;
}

export interface ResponseRule {
  id: string;
  /** HTTP method to match, or '*' for any. */
  method: string;
  /** Exact path, or a pattern where '*' matches any run of characters, e.g. '/webhook*'. */
  path: string;
  status: number;
  delayMs: number;
  body: string;
  /** Applies to the next N matching requests only (counts down); null = every request. */
  failNext: number | null;
  /** Retry-After header to answer with (delay-seconds or an HTTP date); '' or absent = none. */
  retryAfter?: string;
}

export const responseRuleInput = z.object({
  id: z.string().min(1).max(64).optional(),
  method: z
    .string()
    .max(16)
    .regex(/^(\*|[A-Za-z]+)$/)
    .default('*'),
  path: z.string().min(1).max(2048).startsWith('/'),
  status: z.number().int().min(100).max(599).default(500),
  delayMs: z.number().int().min(0).max(120_000).default(0),
  body: z
    .string()
    .max(64 * 1024)
    .default(''),
  failNext: z.number().int().min(0).max(1_000_000).nullable().default(null),
  retryAfter: z
    .string()
    .max(64)
    .regex(/^[\w ,:+-]*$/, 'Retry-After is delay-seconds or an HTTP date')
    .default(''),
});
export type ResponseRuleInput = z.input<typeof responseRuleInput>;

const agentName = z.enum(DEMO_AGENT_NAMES);

export const demoOps = {
  listDemoAgents: op<DemoAgentInfo[]>()({
    verb: 'GET',
    path: '/api/demo/agents',
    args: z.object({}),
  }),
  startDemoAgent: op<DemoAgentInfo>()({
    verb: 'POST',
    path: '/api/demo/agents/:name/start',
    args: z.object({
      name: agentName,
      port: z.number().int().min(0).max(65535).optional(),
      speed: z.number().min(0.01).max(10_000).optional(),
    }),
  }),
  stopDemoAgent: op<DemoAgentInfo>()({
    verb: 'POST',
    path: '/api/demo/agents/:name/stop',
    args: z.object({ name: agentName }),
  }),
  listDeliveries: op<DeliveryPage>()({
    verb: 'GET',
    path: '/api/demo/deliveries',
    args: z.object({
      agent: agentName.optional(),
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      cursor: z.string().max(64).optional(),
    }),
  }),
  clearDeliveries: op<{ deleted: number }>()({
    verb: 'DELETE',
    path: '/api/demo/deliveries',
    args: z.object({}),
  }),
  listResponseRules: op<ResponseRule[]>()({
    verb: 'GET',
    path: '/api/receiver/rules',
    args: z.object({}),
  }),
  setResponseRules: op<ResponseRule[]>()({
    verb: 'PUT',
    path: '/api/receiver/rules',
    args: z.object({ rules: z.array(responseRuleInput).max(100) }),
  }),
};
