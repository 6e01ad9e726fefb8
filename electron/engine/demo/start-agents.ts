// Starts the demo agents: startDemoAgents (both, for the CLI and tests) and startDemoAgent (one).
// Secrets are read through `secrets()` on every webhook; when one is empty a random per-process
// secret is used instead (never a built-in string), and the log says webhooks will not verify.
import { randomBytes } from 'node:crypto';
import type { AgentCard } from '@a2a-js/sdk';
import type { DeliveryAttempt, DemoAgentName } from '../../../shared/api/demo';
import type { Db } from '../store/open-store';
import { startAgentServer } from './agent-server';
import { createClock, speedFromEnv } from './clock';
import { createDeliveriesRepo } from './deliveries-repo';
import { deliverWebhook, type RetryPolicy } from './delivery';
import { ENTERPRISE_CARD, enterpriseTask } from './enterprise-agent';
import { LONG_RUNNING_CARD, longRunningTask } from './long-running-agent';
import type { DemoSecrets } from './runtime';

export const DEFAULT_PORTS: Record<DemoAgentName, number> = { long: 8001, enterprise: 8002 };

export interface DemoAgentOptions {
  speed?: number;
  secrets: () => DemoSecrets;
  db?: Db;
  onDelivery?: (attempt: DeliveryAttempt) => void;
  log?: (line: string) => void;
  retryPolicy?: RetryPolicy;
}

export interface RunningDemoAgent {
  name: DemoAgentName;
  url: string;
  port: number;
  /** host:port of its gRPC endpoint. */
  grpcAddress: string;
  card: AgentCard;
  speed: number;
  close(): Promise<void>;
}

function withFallback(secrets: () => DemoSecrets, log: (line: string) => void): () => DemoSecrets {
  const fallback = { webhookSecret: '', jwtSecret: '' };
  return () => {
    const s = secrets();
    const out = { ...s };
    for (const key of ['webhookSecret', 'jwtSecret'] as const) {
      if (out[key]) continue;
      if (!fallback[key]) {
        fallback[key] = randomBytes(32).toString('base64url');
        log(
          `no ${key} configured: using a random one for this run (webhooks will not verify elsewhere)`,
        );
      }
      out[key] = fallback[key];
    }
    return out;
  };
}

export async function startDemoAgent(
  name: DemoAgentName,
  opts: DemoAgentOptions & { port?: number; grpcPort?: number },
): Promise<RunningDemoAgent> {
  const log = opts.log ?? (() => undefined);
  const clock = createClock(opts.speed ?? speedFromEnv() ?? 1);
  const repo = opts.db ? createDeliveriesRepo(opts.db) : null;
  const secrets = withFallback(opts.secrets, log);
  const stopped = new AbortController();
  const server = await startAgentServer({
    spec: name === 'long' ? LONG_RUNNING_CARD : ENTERPRISE_CARD,
    port: opts.port ?? DEFAULT_PORTS[name],
    grpcPort: opts.grpcPort,
    enterprise: name === 'enterprise',
    task: name === 'long' ? longRunningTask : enterpriseTask,
    runtime: {
      agent: name,
      clock,
      secrets,
      log,
      deliver: (req) =>
        deliverWebhook(req, {
          clock,
          log,
          signal: stopped.signal,
          ...(opts.retryPolicy ? { policy: opts.retryPolicy } : {}),
          record(attempt) {
            const saved = repo ? repo.insert(attempt) : { ...attempt, id: 0 };
            opts.onDelivery?.(saved);
            return saved;
          },
        }),
    },
  });
  return {
    name,
    url: server.url,
    port: server.port,
    grpcAddress: server.grpcAddress,
    card: server.card,
    speed: clock.speed,
    async close() {
      stopped.abort(new Error('agent stopped'));
      await server.close();
    },
  };
}

export async function startDemoAgents(
  opts: DemoAgentOptions & { longPort?: number; enterprisePort?: number },
): Promise<{ long: RunningDemoAgent; enterprise: RunningDemoAgent; close(): Promise<void> }> {
  const long = await startDemoAgent('long', { ...opts, port: opts.longPort ?? DEFAULT_PORTS.long });
  let enterprise: RunningDemoAgent;
  try {
    enterprise = await startDemoAgent('enterprise', {
      ...opts,
      port: opts.enterprisePort ?? DEFAULT_PORTS.enterprise,
    });
  } catch (err) {
    await long.close();
    throw err;
  }
  return {
    long,
    enterprise,
    async close() {
      await Promise.all([long.close(), enterprise.close()]);
    },
  };
}
