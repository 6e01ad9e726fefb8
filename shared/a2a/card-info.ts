// Facts Switchboard derives from a (possibly invalid) agent card: which protocol versions it
// offers over JSON-RPC, the endpoint for each, and a display summary. Tolerant by design: a
// card with errors still yields whatever can be read, so the user can try anyway.
import type { ProtocolVersion } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const s = (v: unknown): string => (typeof v === 'string' ? v : '');

export interface CardInterface {
  url: string;
  binding: string;
  version: string;
}

export interface CardSummary {
  name: string;
  description: string;
  version: string;
  provider: string;
  capabilities: { streaming: boolean; pushNotifications: boolean; extendedAgentCard: boolean };
  skills: { id: string; name: string; description: string; tags: string[] }[];
  interfaces: CardInterface[];
  securitySchemes: { name: string; type: string }[];
  /** Versions reachable over JSON-RPC, best first. */
  supportedVersions: ProtocolVersion[];
}

export function cardInterfaces(card: unknown): CardInterface[] {
  if (!isObj(card)) return [];
  const out: CardInterface[] = [];
  const v1 = Array.isArray(card['supportedInterfaces']) ? card['supportedInterfaces'] : [];
  for (const i of v1) {
    if (isObj(i))
      out.push({
        url: s(i['url']),
        binding: s(i['protocolBinding']),
        version: s(i['protocolVersion']),
      });
  }
  if (typeof card['url'] === 'string') {
    const version = s(card['protocolVersion']) || '0.3';
    out.push({ url: card['url'], binding: s(card['preferredTransport']) || 'JSONRPC', version });
    const extra = Array.isArray(card['additionalInterfaces']) ? card['additionalInterfaces'] : [];
    for (const i of extra)
      if (isObj(i)) out.push({ url: s(i['url']), binding: s(i['transport']), version });
  }
  return out;
}

export function versionOf(v: string): ProtocolVersion | null {
  if (/^1(\.|$)/.test(v)) return '1.0';
  if (/^0\.3(\.|$)/.test(v)) return '0.3';
  return null;
}

export function supportedVersions(card: unknown): ProtocolVersion[] {
  const found = new Set<ProtocolVersion>();
  for (const i of cardInterfaces(card)) {
    const v = versionOf(i.version);
    if (v && i.binding.toUpperCase() === 'JSONRPC') found.add(v);
  }
  return (['1.0', '0.3'] as const).filter((v) => found.has(v));
}

export function summarizeCard(card: unknown): CardSummary {
  const c = isObj(card) ? card : {};
  const caps = isObj(c['capabilities']) ? c['capabilities'] : {};
  const skills = Array.isArray(c['skills']) ? c['skills'].filter(isObj) : [];
  const schemes = isObj(c['securitySchemes']) ? c['securitySchemes'] : {};
  return {
    name: s(c['name']),
    description: s(c['description']),
    version: s(c['version']),
    provider: isObj(c['provider']) ? s(c['provider']['organization']) : '',
    capabilities: {
      streaming: caps['streaming'] === true,
      pushNotifications: caps['pushNotifications'] === true,
      extendedAgentCard:
        caps['extendedAgentCard'] === true || c['supportsAuthenticatedExtendedCard'] === true,
    },
    skills: skills.map((k) => ({
      id: s(k['id']),
      name: s(k['name']),
      description: s(k['description']),
      tags: Array.isArray(k['tags']) ? k['tags'].map(String) : [],
    })),
    interfaces: cardInterfaces(card),
    securitySchemes: Object.entries(schemes).map(([name, v]) => ({ name, type: schemeType(v) })),
    supportedVersions: supportedVersions(card),
  };
}

function schemeType(v: unknown): string {
  if (!isObj(v)) return 'unknown';
  if (typeof v['type'] === 'string') return v['type'];
  // v1.0 proto JSON: the oneof field name is the type.
  return Object.keys(v)[0] ?? 'unknown';
}

/** Card extension (capabilities.extensions[].uri) by which an agent says it takes the tutorial's
 *  push dialect: `params.pushNotificationConfig {url, secret}` and an HMAC-signed webhook. The
 *  built-in demo agents advertise it; Switchboard then uses that dialect by default. */
export const TUTORIAL_PUSH_EXTENSION = 'urn:switchboard:ext:tutorial-push:v1';

export function cardHasExtension(card: unknown, uri: string): boolean {
  const caps = isObj(card) ? card['capabilities'] : undefined;
  const list = isObj(caps) && Array.isArray(caps['extensions']) ? caps['extensions'] : [];
  return list.some((e) => isObj(e) && e['uri'] === uri);
}
