// Result types of the demo domain: the tutorial's agents and their webhook delivery log.
import type { PushDialect } from '../a2a/types';

export type { PushDialect };
import type { Page } from './engine';

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
