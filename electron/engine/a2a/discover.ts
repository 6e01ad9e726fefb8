// Finds agents on this machine: probes a short list of localhost ports (the tutorial's demo
// agents on 8001/8002, common dev ports, ports of running demo agents) for an agent card, in
// parallel with a short timeout. Only 127.0.0.1 is probed: discovery never leaves the machine.
import type { DiscoveredAgent } from '../../../shared/api/agents';
import type { AgentsRepo } from '../store/agents-repo';
import { readCapped } from './wire-http';

export const DEFAULT_PROBE_PORTS = [8000, 8001, 8002, 8080, 8888, 9999, 10000, 10001, 10002, 41241];
const PROBE_TIMEOUT_MS = 800;
const PROBE_CARD_LIMIT = 1024 * 1024;

type Probed = { url: string; name: string; cardUrl: string };

/** A kept-alive socket to a server that has since restarted on the same port fails once with
 *  UND_ERR_SOCKET (the pool then drops it): that one case is tried again. */
async function probe(port: number): Promise<Probed | null> {
  const first = await probeOnce(port);
  if (first !== 'stale') return first;
  const second = await probeOnce(port);
  return second === 'stale' ? null : second;
}

async function probeOnce(port: number): Promise<Probed | null | 'stale'> {
  const url = `http://127.0.0.1:${port}/`;
  for (const path of ['.well-known/agent-card.json', '.well-known/agent.json']) {
    try {
      const res = await fetch(url + path, {
        headers: { Accept: 'application/json', 'A2A-Version': '1.0' },
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      if (!res.ok) {
        await res.body?.cancel();
        continue;
      }
      // A probe reads at most a card's worth: a local process must not swell the engine.
      const { text, overflow } = await readCapped(res, PROBE_CARD_LIMIT, PROBE_TIMEOUT_MS);
      if (overflow) return null;
      const card = JSON.parse(text) as { name?: unknown };
      if (card && typeof card === 'object') {
        return {
          url,
          name: typeof card.name === 'string' ? card.name : '(unnamed agent)',
          cardUrl: url + path,
        };
      }
    } catch (err) {
      if ((err as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return 'stale';
      return null; // nothing listening, or not JSON: not an agent
    }
  }
  return null;
}

export async function discoverAgents(
  agents: AgentsRepo,
  ports: number[],
): Promise<DiscoveredAgent[]> {
  const known = new Map(agents.list().map((a) => [new URL(a.baseUrl).origin, a.id]));
  const found = await Promise.all([...new Set(ports)].map(probe));
  return found
    .filter((f): f is NonNullable<typeof f> => f !== null)
    .map((f) => ({
      ...f,
      agentId:
        known.get(new URL(f.url).origin) ??
        known.get(f.url.replace('127.0.0.1', 'localhost').replace(/\/$/, '')) ??
        null,
    }));
}
