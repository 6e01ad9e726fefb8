// The three A2A protocol bindings and which of them an agent card offers: each interface's
// transport, URL and protocol version, the default (the card's first interface Switchboard
// speaks) and the endpoint for a transport and version. v1.0 cards list
// `supportedInterfaces[].protocolBinding`; v0.3 cards `url` + `preferredTransport` and
// `additionalInterfaces[].transport` (cardInterfaces reads both).
import { cardInterfaces, versionOf } from './card-info';
import type { ProtocolVersion } from './types';

export const TRANSPORTS = ['JSONRPC', 'HTTP+JSON', 'GRPC'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** The card's binding name as a Transport ("jsonrpc", "REST" and "http+json" included). */
export function transportOf(binding: string): Transport | null {
  const b = binding.trim().toUpperCase();
  if (b === 'JSONRPC' || b === 'JSON-RPC') return 'JSONRPC';
  if (b === 'HTTP+JSON' || b === 'REST' || b === 'HTTP') return 'HTTP+JSON';
  if (b === 'GRPC') return 'GRPC';
  return null;
}

export interface TransportInterface {
  transport: Transport;
  url: string;
  /** The interface's protocol version, when Switchboard speaks it. */
  version: ProtocolVersion | null;
}

/** Interfaces of the card Switchboard can speak, in card order. */
export function transportInterfaces(card: unknown): TransportInterface[] {
  const out: TransportInterface[] = [];
  for (const i of cardInterfaces(card)) {
    const transport = transportOf(i.binding);
    if (transport && i.url) out.push({ transport, url: i.url, version: versionOf(i.version) });
  }
  return out;
}

/** The transports the card offers, each once, in card order. */
export function availableTransports(card: unknown): Transport[] {
  return [...new Set(transportInterfaces(card).map((i) => i.transport))];
}

/** The card's first interface Switchboard speaks; JSON-RPC when it names none. */
export function defaultTransport(card: unknown): Transport {
  return availableTransports(card)[0] ?? 'JSONRPC';
}

/** Versions the card offers over a transport, best first. */
export function versionsOver(card: unknown, transport: Transport): ProtocolVersion[] {
  const found = new Set(
    transportInterfaces(card)
      .filter((i) => i.transport === transport)
      .map((i) => i.version),
  );
  return (['1.0', '0.3'] as const).filter((v) => found.has(v));
}

/** The URL of the card's interface for this transport and version; any interface of that
 *  transport when no version matches; `fallback` (the base URL) when the card lists none. */
export function endpointFor(
  card: unknown,
  transport: Transport,
  version: ProtocolVersion,
  fallback: string,
): string {
  const list = transportInterfaces(card).filter((i) => i.transport === transport);
  return (list.find((i) => i.version === version) ?? list[0])?.url ?? fallback;
}
