// Derives what the API shows about an agent from its stored row: effective transport (override,
// else the card's first interface Switchboard speaks), protocol version (override, else the best
// version the card offers over that transport), push dialect, endpoint, and custom headers
// masked (values are secrets: only the auth scheme word is shown).
import { summarizeCard, supportedVersions } from '../../../shared/a2a/card-info';
import {
  availableTransports,
  defaultTransport,
  endpointFor,
  transportInterfaces,
  versionsOver,
  type Transport,
} from '../../../shared/a2a/transports';
import type { ProtocolVersion } from '../../../shared/a2a/types';
import { ApiError } from '../../../shared/api';
import type { AgentView } from '../../../shared/api/agents';
import type { Settings } from '../../../shared/model';
import type { AgentRow, AgentsRepo } from '../store/agents-repo';
import { defaultPushDialect } from './dialect';
import { parseGrpcAddress } from './grpc/grpc-address';
import type { AgentTarget } from './rpc-client';

export function detectVersion(card: unknown, cardVersion: ProtocolVersion | null): ProtocolVersion {
  return supportedVersions(card)[0] ?? cardVersion ?? '0.3';
}

export function maskHeader(value: string): string {
  const scheme = /^(Bearer|Basic|Token|ApiKey)\s+/i.exec(value)?.[1];
  return `${scheme ? scheme + ' ' : ''}••• (${value.length} chars)`;
}

/** The agent with this id, or a 404 the user can act on. */
export function requireAgent(agents: Pick<AgentsRepo, 'get'>, id: number): AgentRow {
  const a = agents.get(id);
  if (!a)
    throw new ApiError(
      404,
      'agent_not_found',
      `Agent #${id} does not exist (it may have been removed).`,
    );
  return a;
}

export function effectiveTransport(a: Pick<AgentRow, 'card' | 'transportOverride'>): Transport {
  return a.transportOverride ?? defaultTransport(a.card);
}

export function effectiveVersion(a: AgentRow): ProtocolVersion {
  if (a.versionOverride) return a.versionOverride;
  // The detected version is the best over JSON-RPC; another transport may offer other versions.
  const over = versionsOver(a.card, effectiveTransport(a));
  return over.includes(a.detectedVersion) ? a.detectedVersion : (over[0] ?? a.detectedVersion);
}

export function toAgentView(a: AgentRow): AgentView {
  const protocolVersion = effectiveVersion(a);
  const transport = effectiveTransport(a);
  return {
    id: a.id,
    baseUrl: a.baseUrl,
    cardUrl: a.cardUrl,
    card: a.card,
    summary: summarizeCard(a.card),
    validation: a.validation,
    detectedVersion: a.detectedVersion,
    protocolVersion,
    versionOverride: a.versionOverride,
    pushDialect: a.pushDialect ?? defaultPushDialect(protocolVersion, a.card, transport),
    pushDialectOverride: a.pushDialect,
    rpcUrl: endpointFor(a.card, transport, protocolVersion, a.baseUrl),
    transport,
    transportOverride: a.transportOverride,
    transports: availableTransports(a.card).map((t) => ({
      transport: t,
      urls: [
        ...new Set(
          transportInterfaces(a.card)
            .filter((i) => i.transport === t)
            .map((i) => i.url),
        ),
      ],
      versions: versionsOver(a.card, t),
    })),
    headers: Object.entries(a.headers).map(([name, v]) => ({ name, preview: maskHeader(v) })),
    headerOrigins: a.headerOrigins,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function targetOf(
  a: AgentRow,
  version: ProtocolVersion = effectiveVersion(a),
  limits?: Pick<Settings, 'rpcAnswerLimitBytes'>,
): AgentTarget {
  const transport = effectiveTransport(a);
  const rpcUrl = endpointFor(a.card, transport, version, a.baseUrl);
  return {
    agentId: a.id,
    transport,
    rpcUrl,
    version,
    // A gRPC address is no URL (host:port, grpc://, grpcs://): its origin is http(s)://host:port.
    headers: headersFor(a, transport === 'GRPC' ? parseGrpcAddress(rpcUrl).origin : rpcUrl),
    ...(limits ? { answerLimitBytes: limits.rpcAnswerLimitBytes } : {}),
  };
}

/** Why: custom headers are credentials the user entered for the base URL's origin. A card is
 *  agent data and may name any endpoint; sending the headers to another origin needs the
 *  user's confirmation of that origin, stored with the agent (like replay's
 *  confirmNonLoopback). Without it the call is refused, never sent without them silently. */
export function headersFor(a: AgentRow, url: string): Record<string, string> {
  const names = Object.keys(a.headers);
  if (!names.length) return a.headers;
  const entered = new URL(a.baseUrl).origin;
  const target = new URL(url).origin;
  if (target === entered || a.headerOrigins.includes(target)) return a.headers;
  throw new ApiError(
    409,
    'headers_foreign_origin',
    `The agent card sends calls to ${target}, but your custom headers (${names.join(', ')}) were entered for ${entered}. ` +
      `Switchboard sends them to another origin only once you confirm it for this agent: add ${target} to the agent's allowed header origins (updateAgent headerOrigins), or remove the headers.`,
  );
}
