// What an agent's executor and senders share: its name, the demo clock, the secrets (read on
// every use, so a settings change applies to the next webhook), delivery with retries and a
// log, and a signal aborted when the agent stops.
import type { DeliveryAttempt, DemoAgentName } from '../../../shared/api/demo';
import type { DemoClock } from './clock';
import type { WebhookRequest } from './delivery';

export interface DemoSecrets {
  /** Signs X-A2A-Signature when the client gave no secret (SWITCHBOARD_WEBHOOK_SECRET or the app's). */
  webhookSecret: string;
  /** Signs the enterprise agent's JWTs (SWITCHBOARD_JWT_SECRET or the app's). */
  jwtSecret: string;
}

export interface AgentRuntime {
  agent: DemoAgentName;
  clock: DemoClock;
  secrets(): DemoSecrets;
  deliver(req: WebhookRequest): Promise<DeliveryAttempt>;
  log(line: string): void;
  /** Aborted when the agent stops. */
  signal: AbortSignal;
}
