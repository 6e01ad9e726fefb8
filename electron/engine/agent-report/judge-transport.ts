// Delivery over each transport: push is HTTP whatever binding drove the task, so a task started
// over HTTP+JSON or gRPC must push its terminal state just as one started over JSON-RPC.
import type { AgentCheck } from '../../../shared/api/agent-report';
import { ids, notStarted, ok2xx, row, terminalHooks } from './check';
import { transportSlug, type ScenarioResult } from './scenario';

export function judgeTransport(r: ScenarioResult): AgentCheck | null {
  const t = r.spec.transport;
  if (!t) return null;
  const head = {
    id: `delivery.transport.${transportSlug(t)}`,
    group: 'delivery',
    title: `terminal state pushed when the task runs over ${t}`,
    required: true,
  } as const;
  const d = r.spec.dialect;
  const acked = terminalHooks(r.hooks).filter(ok2xx);
  if (acked.length)
    return row(head, d, 'pass', `terminal webhook ${ids(acked)} for a task sent over ${t}`, acked);
  return row(head, d, 'fail', notStarted(r) ?? `no terminal webhook for the task sent over ${t}`);
}
