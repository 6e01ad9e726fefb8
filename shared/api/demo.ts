// Operations of the demo domain: the tutorial's two agents (start/stop, URL, card), their webhook
// delivery log with a success rate. (The receiver's response rules are in captures.ts.)
import { z } from 'zod';
import { op } from './define';
export * from '../model/demo';
import { DEMO_AGENT_NAMES, type DeliveryPage, type DemoAgentInfo } from '../model/demo';

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
};
