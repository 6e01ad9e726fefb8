// The demo domain's API handlers: start/stop the two agents from the app (sharing the app's
// verification secrets, so their webhooks verify out of the box), list them with URL and card,
// and the delivery log with its success rate. Emits 'demo-agent' and 'delivery' events.
import { AgentCard } from '@a2a-js/sdk';
import { ApiError } from '../../../shared/api/define';
import type { HandlersOf } from '../../../shared/api/define';
import {
  DEMO_AGENT_NAMES,
  type DemoAgentInfo,
  type DemoAgentName,
  type DemoAgentStatus,
  demoOps,
} from '../../../shared/api/demo';
import type { EngineContext } from '../context';
import { speedFromEnv } from './clock';
import { createDeliveriesRepo } from './deliveries-repo';
import { DEFAULT_PORTS, startDemoAgent, type RunningDemoAgent } from './start-agents';
import { ENTERPRISE_CARD } from './enterprise-agent';
import { LONG_RUNNING_CARD } from './long-running-agent';

export type DemoHandlers = HandlersOf<typeof demoOps>;

/** SWITCHBOARD_DEMO_SPEED, or 1 when unset or invalid (starting then reports the invalid value). */
function envSpeed(): number {
  try {
    return speedFromEnv() ?? 1;
  } catch {
    return 1;
  }
}

interface Slot {
  status: DemoAgentStatus;
  agent: RunningDemoAgent | null;
  error: string | null;
  pending: Promise<unknown> | null;
}

export function createDemoService(ctx: EngineContext): {
  handlers: DemoHandlers;
  /** Ports of the demo agents running now. */
  ports(): number[];
  stop(): Promise<void>;
} {
  const repo = createDeliveriesRepo(ctx.db);
  const slots: Record<DemoAgentName, Slot> = {
    long: { status: 'stopped', agent: null, error: null, pending: null },
    enterprise: { status: 'stopped', agent: null, error: null, pending: null },
  };
  // The app's effective settings already put SWITCHBOARD_WEBHOOK_SECRET / _JWT_SECRET (env)
  // over the saved or generated ones, so agents and receiver share one source of truth.
  const secrets = () => {
    const s = ctx.settings.get();
    return { webhookSecret: s.webhookSecret, jwtSecret: s.jwtSecret };
  };

  const info = (name: DemoAgentName): DemoAgentInfo => {
    const slot = slots[name];
    const agent = slot.agent;
    return {
      name,
      title: (name === 'long' ? LONG_RUNNING_CARD : ENTERPRISE_CARD).name,
      status: slot.status,
      url: agent?.url ?? null,
      port: agent?.port ?? null,
      defaultPort: DEFAULT_PORTS[name],
      speed: agent?.speed ?? envSpeed(),
      card: agent ? (AgentCard.toJSON(agent.card) as Record<string, unknown>) : null,
      error: slot.error,
    };
  };
  const changed = (name: DemoAgentName): DemoAgentInfo => {
    const agent = info(name);
    ctx.emit({ type: 'demo-agent', agent });
    return agent;
  };

  const stop = async (name: DemoAgentName): Promise<void> => {
    const slot = slots[name];
    await slot.pending?.catch(() => undefined);
    const agent = slot.agent;
    slot.agent = null;
    slot.status = 'stopped';
    await agent?.close();
  };

  const handlers: DemoHandlers = {
    async listDemoAgents() {
      return DEMO_AGENT_NAMES.map(info);
    },
    async startDemoAgent({ name, port, speed }) {
      const slot = slots[name];
      await slot.pending?.catch(() => undefined);
      // A restart keeps the running agent's port unless another one is asked for (0 or no port
      // means "keep"): agents added by URL elsewhere keep working after a speed change.
      let wantPort = port ?? DEFAULT_PORTS[name];
      const wantSpeed = speed ?? slot.agent?.speed;
      if (slot.agent) {
        const samePort = port === undefined || port === 0 || port === slot.agent.port;
        if (samePort && (speed === undefined || speed === slot.agent.speed)) return info(name);
        if (samePort) wantPort = slot.agent.port;
        await stop(name);
      }
      slot.status = 'starting';
      slot.error = null;
      changed(name);
      const starting = startDemoAgent(name, {
        port: wantPort,
        ...(wantSpeed !== undefined ? { speed: wantSpeed } : {}),
        secrets,
        db: ctx.db,
        onDelivery: (attempt) => ctx.emit({ type: 'delivery', attempt }),
      });
      slot.pending = starting;
      try {
        slot.agent = await starting;
        slot.status = 'running';
      } catch (err) {
        slot.status = 'error';
        slot.error = (err as Error).message;
        changed(name);
        throw new ApiError(409, 'demo_agent_start_failed', `${info(name).title}: ${slot.error}`);
      } finally {
        slot.pending = null;
      }
      return changed(name);
    },
    async stopDemoAgent({ name }) {
      await stop(name);
      slots[name].error = null;
      return changed(name);
    },
    async listDeliveries({ agent, limit, cursor }) {
      return repo.list({ agent, limit, cursor });
    },
    async clearDeliveries() {
      return { deleted: repo.clear() };
    },
  };

  return {
    handlers,
    ports: () =>
      DEMO_AGENT_NAMES.flatMap((n) => {
        const a = slots[n].agent;
        return a && slots[n].status === 'running' ? [a.port] : [];
      }),
    async stop() {
      await Promise.all(DEMO_AGENT_NAMES.map(stop));
    },
  };
}
