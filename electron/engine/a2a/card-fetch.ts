// Fetches an agent card: `/.well-known/agent-card.json` first, then the older
// `/.well-known/agent.json`, with `A2A-Version: 1.0` (a v1.0 server with legacy support then
// answers its v1.0 card listing both versions; a v0.3 server ignores the header). A URL that
// already points at a .json card is fetched as is. Every attempt is in the wire log.
import { ApiError } from '../../../shared/api';
import type { HeaderPair } from '../../../shared/model';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import { readLoggedBody, sendLogged } from './wire-http';

export const CARD_PATHS = ['/.well-known/agent-card.json', '/.well-known/agent.json'] as const;

export interface FetchedCard {
  card: unknown;
  cardUrl: string;
}

export function cardUrls(baseUrl: string): string[] {
  const u = new URL(baseUrl);
  if (u.pathname.endsWith('.json')) return [u.toString()];
  return CARD_PATHS.map((p) => new URL(p, u.origin).toString());
}

export async function fetchCard(
  wire: A2aWireRepo,
  agentId: number | null,
  baseUrl: string,
  custom: Record<string, string>,
  timeoutMs: number,
  limitBytes: number,
): Promise<FetchedCard> {
  const tried: string[] = [];
  for (const url of cardUrls(baseUrl)) {
    const headers: HeaderPair[] = [
      ['Accept', 'application/json'],
      ['A2A-Version', '1.0'],
      ...Object.entries(custom),
    ];
    const res = await sendLogged(wire, {
      agentId,
      taskId: null,
      rpcMethod: null,
      streamKind: null,
      protocolVersion: null,
      method: 'GET',
      url,
      headers,
      secretHeaders: new Set(Object.keys(custom).map((n) => n.toLowerCase())),
      body: null,
      timeoutMs,
    });
    const text = await readLoggedBody(wire, res, timeoutMs, limitBytes, 'agent card');
    const status = res.response.status;
    if (status === 404 || status === 410) {
      tried.push(`${url} → ${status}`);
      continue;
    }
    if (status === 401 || status === 403) {
      throw new ApiError(
        422,
        'card_forbidden',
        `${url} answered ${status}: the card needs credentials. Add the agent's auth header (e.g. Authorization: Bearer …) in the agent's custom headers.`,
      );
    }
    if (status < 200 || status >= 300) {
      throw new ApiError(
        502,
        'card_http_error',
        `${url} answered HTTP ${status}; expected the agent card (200, JSON).`,
      );
    }
    try {
      return { card: JSON.parse(text) as unknown, cardUrl: url };
    } catch (err) {
      throw new ApiError(
        422,
        'card_invalid_json',
        `${url} is not JSON (${(err as Error).message}). Is this an A2A agent?`,
      );
    }
  }
  throw new ApiError(
    404,
    'card_missing',
    `No agent card found: ${tried.join(', ')}. An A2A agent serves its card at /.well-known/agent-card.json (older ones at /.well-known/agent.json). Check the base URL.`,
  );
}
