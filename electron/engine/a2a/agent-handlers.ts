// API handlers for agents: add by base URL (card fetch + validation + version detection; a
// card URL already known selects that agent), list, get, update overrides and custom headers,
// and the transport, refresh the card, delete.
import type { AgentOpsHandlers } from '../../../shared/api/agents';
import { ApiError } from '../../../shared/api';
import { cardInterfaces } from '../../../shared/a2a/card-info';
import { availableTransports, type Transport } from '../../../shared/a2a/transports';
import { validateCard, type CardValidation } from '../../../shared/a2a/validate-card';
import type { Settings } from '../../../shared/model';
import type { AgentsRepo } from '../store/agents-repo';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import { detectVersion, requireAgent, toAgentView } from './agent-views';
import { fetchCard } from './card-fetch';
import { DEFAULT_PROBE_PORTS, discoverAgents } from './discover';

export type AgentOpNames =
  | 'addAgent'
  | 'listAgents'
  | 'discoverAgents'
  | 'getAgent'
  | 'updateAgent'
  | 'refreshAgent'
  | 'deleteAgent';

const CARD_TIMEOUT_MS = 10_000;

export function createAgentCrudHandlers(
  agents: AgentsRepo,
  wire: A2aWireRepo,
  settings: () => Pick<Settings, 'cardLimitBytes'>,
  /** Ports of the demo agents running now (probed too: they may not be on 8001/8002). */
  demoPorts: () => number[] = () => [],
): Pick<AgentOpsHandlers, AgentOpNames> {
  const load = (id: number) => requireAgent(agents, id);
  return {
    addAgent: async ({ url, headers, protocolVersion, pushDialect, timeoutMs }) => {
      const custom = headers ?? {};
      const { card, cardUrl } = await fetchCard(
        wire,
        null,
        url,
        custom,
        timeoutMs ?? CARD_TIMEOUT_MS,
        settings().cardLimitBytes,
      );
      const validation = checkOrigins(validateCard(card), card, url);
      // Agents are unique by card URL: adding a known one selects it, with its card refreshed
      // and the overrides given now applied (empty custom headers keep the saved ones).
      const known = agents.list().find((a) => a.cardUrl === cardUrl);
      if (known) {
        known.card = card;
        known.validation = validation;
        known.detectedVersion = detectVersion(card, validation.cardVersion);
        if (protocolVersion !== undefined) known.versionOverride = protocolVersion;
        if (pushDialect !== undefined) known.pushDialect = pushDialect;
        if (Object.keys(custom).length > 0) known.headers = custom;
        agents.save(known);
        return toAgentView(load(known.id));
      }
      const id = agents.insert({
        baseUrl: url,
        cardUrl,
        card,
        validation,
        detectedVersion: detectVersion(card, validation.cardVersion),
        versionOverride: protocolVersion ?? null,
        pushDialect: pushDialect ?? null,
        headers: custom,
        headerOrigins: [],
      });
      return toAgentView(load(id));
    },
    listAgents: async () => agents.list().map(toAgentView),
    discoverAgents: async ({ ports }) =>
      discoverAgents(agents, [
        ...(ports ? ports.split(',').map(Number) : DEFAULT_PROBE_PORTS),
        ...demoPorts(),
      ]),
    getAgent: async ({ id }) => toAgentView(load(id)),
    updateAgent: async ({
      id,
      protocolVersion,
      pushDialect,
      transport,
      headers,
      headerOrigins,
    }) => {
      const a = load(id);
      if (transport !== undefined) a.transportOverride = requireOffered(a.card, transport);
      if (headerOrigins !== undefined)
        a.headerOrigins = [...new Set(headerOrigins.map((u) => new URL(u).origin))];
      if (protocolVersion !== undefined) a.versionOverride = protocolVersion;
      if (pushDialect !== undefined) a.pushDialect = pushDialect;
      if (headers !== undefined) a.headers = headers;
      agents.save(a);
      return toAgentView(load(id));
    },
    refreshAgent: async ({ id }) => {
      const a = load(id);
      const { card, cardUrl } = await fetchCard(
        wire,
        id,
        a.baseUrl,
        a.headers,
        CARD_TIMEOUT_MS,
        settings().cardLimitBytes,
      );
      a.card = card;
      a.cardUrl = cardUrl;
      a.validation = checkOrigins(validateCard(card), card, a.baseUrl);
      a.detectedVersion = detectVersion(card, a.validation.cardVersion);
      agents.save(a);
      return toAgentView(load(id));
    },
    deleteAgent: async ({ id }) => ({ deleted: agents.delete(id) }),
  };
}

/** A transport the card offers (or null: back to the default), else a 409 naming those it does. */
function requireOffered(card: unknown, t: Transport | null): Transport | null {
  const offered = availableTransports(card);
  if (t === null || offered.includes(t)) return t;
  throw new ApiError(
    409,
    'transport_not_offered',
    `The agent's card lists no ${t} interface (it offers ${offered.join(', ') || 'none Switchboard speaks'}). Pick one of those, or refresh the card if the agent changed.`,
  );
}

/** Why: custom headers (credentials) go to the endpoints the card names. A card pointing at
 *  another origin than the one the user typed would receive them, so say so up front (and
 *  targetOf refuses to send them there until the user confirms that origin).
 *  (Redirects are never followed, so headers cannot leak through one.) */
export function checkOrigins(v: CardValidation, card: unknown, baseUrl: string): CardValidation {
  const origin = new URL(baseUrl).origin;
  const foreign = cardInterfaces(card).filter((i) => {
    try {
      return new URL(i.url).origin !== origin;
    } catch {
      return false;
    }
  });
  if (!foreign.length) return v;
  const urls = [...new Set(foreign.map((i) => i.url))].join(', ');
  return {
    ...v,
    warnings: [
      ...v.warnings,
      {
        path: '$',
        message: `Endpoint on another origin than ${origin}: ${urls}. Custom headers are sent there only after you confirm that origin for this agent.`,
      },
    ],
  };
}
