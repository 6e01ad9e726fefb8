// Derives what the API shows about an agent from its stored row: effective protocol version
// (override, else the best version the card offers over JSON-RPC), push dialect, endpoint,
// and custom headers masked (values are secrets: only the auth scheme word is shown).
import { rpcEndpoint, summarizeCard, supportedVersions } from '../../../shared/a2a/card-info';
import type { ProtocolVersion } from '../../../shared/a2a/types';
import type { AgentView } from '../../../shared/api/agents';
import type { AgentRow } from '../store/agents-repo';
import { defaultPushDialect } from './dialect';
import type { AgentTarget } from './rpc-client';

export function detectVersion(card: unknown, cardVersion: ProtocolVersion | null): ProtocolVersion {
  return supportedVersions(card)[0] ?? cardVersion ?? '0.3';
}

export function maskHeader(value: string): string {
  const scheme = /^(Bearer|Basic|Token|ApiKey)\s+/i.exec(value)?.[1];
  return `${scheme ? scheme + ' ' : ''}••• (${value.length} chars)`;
}

export function effectiveVersion(a: AgentRow): ProtocolVersion {
  return a.versionOverride ?? a.detectedVersion;
}

export function toAgentView(a: AgentRow): AgentView {
  const protocolVersion = effectiveVersion(a);
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
    pushDialect: a.pushDialect ?? defaultPushDialect(protocolVersion, a.card),
    pushDialectOverride: a.pushDialect,
    rpcUrl: rpcEndpoint(a.card, protocolVersion, a.baseUrl),
    headers: Object.entries(a.headers).map(([name, v]) => ({ name, preview: maskHeader(v) })),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

export function targetOf(a: AgentRow, version: ProtocolVersion = effectiveVersion(a)): AgentTarget {
  return {
    agentId: a.id,
    rpcUrl: rpcEndpoint(a.card, version, a.baseUrl),
    version,
    headers: a.headers,
  };
}
