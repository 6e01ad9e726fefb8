// Validates a fetched agent card against the schema of the version it claims (v1.0 when it has
// `supportedInterfaces`, v0.3 when it has `url`/`protocolVersion` only), flags v0.3 fields in a
// v1.0 card as errors (as the official kit does), and adds warnings for things that are legal
// but will bite: no JSON-RPC interface, non-http URLs, unknown fields, streaming or push not
// declared. Every issue carries a JSON path like `$.skills[0].id`.
import type { z } from 'zod';
import {
  agentCardV03,
  agentCardV1,
  KNOWN_V03_FIELDS,
  KNOWN_V1_FIELDS,
  V03_ONLY_FIELDS,
} from './card-schema';
import type { ProtocolVersion } from './types';

export interface CardIssue {
  path: string;
  message: string;
}

export interface CardValidation {
  valid: boolean;
  /** The card format recognized (null when it is neither). */
  cardVersion: ProtocolVersion | null;
  errors: CardIssue[];
  warnings: CardIssue[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === 'number' ? `${acc}[${seg}]` : `${acc}.${String(seg)}`),
    '$',
  );
}

function issues(err: z.ZodError): CardIssue[] {
  return err.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
}

export function validateCard(raw: unknown): CardValidation {
  if (!isObj(raw)) {
    return {
      valid: false,
      cardVersion: null,
      errors: [{ path: '$', message: 'The agent card is not a JSON object.' }],
      warnings: [],
    };
  }
  // A card listing `supportedInterfaces` is a v1.0 card, even with v0.3 fields mixed in.
  const isV1 = Array.isArray(raw['supportedInterfaces']);
  const isV03 = !isV1 && ('url' in raw || 'protocolVersion' in raw);
  const cardVersion: ProtocolVersion | null = isV1 ? '1.0' : isV03 ? '0.3' : null;
  const warnings: CardIssue[] = [];
  let errors: CardIssue[] = [];
  if (cardVersion === null) {
    errors.push({
      path: '$',
      message:
        'Neither a v1.0 card (no `supportedInterfaces`) nor a v0.3 card (no `url` / `protocolVersion`).',
    });
    const asV1 = agentCardV1.safeParse(raw);
    if (!asV1.success) errors = errors.concat(issues(asV1.error));
    return { valid: false, cardVersion, errors, warnings };
  }
  const parsed = cardVersion === '1.0' ? agentCardV1.safeParse(raw) : agentCardV03.safeParse(raw);
  if (!parsed.success) errors = issues(parsed.error);
  const mixed = cardVersion === '1.0' ? v03FieldsIn(raw) : [];
  errors.push(...mixed);

  const known = cardVersion === '1.0' ? KNOWN_V1_FIELDS : KNOWN_V03_FIELDS;
  const flagged = new Set(mixed.map((i) => i.path));
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && !flagged.has(`$.${key}`))
      warnings.push({ path: `$.${key}`, message: `Unknown field for a v${cardVersion} card.` });
  }
  const caps = isObj(raw['capabilities']) ? raw['capabilities'] : {};
  if (caps['streaming'] !== true) {
    warnings.push({
      path: '$.capabilities.streaming',
      message: 'Streaming not declared: message/stream and resubscribe may be refused.',
    });
  }
  if (caps['pushNotifications'] !== true) {
    warnings.push({
      path: '$.capabilities.pushNotifications',
      message: 'Push notifications not declared: webhook configs may be refused.',
    });
  }
  if (Array.isArray(raw['skills']) && raw['skills'].length === 0) {
    warnings.push({ path: '$.skills', message: 'The card lists no skills.' });
  }
  warnings.push(...urlWarnings(raw, cardVersion));
  return { valid: errors.length === 0, cardVersion, errors, warnings };
}

function v03FieldsIn(raw: Obj): CardIssue[] {
  const out: CardIssue[] = V03_ONLY_FIELDS.filter((f) => f in raw).map((f) => ({
    path: `$.${f}`,
    message: `v0.3 field \`${f}\` in a v1.0 card (it has \`supportedInterfaces\`): the v1.0 schema does not allow it. Serve the v0.3 card only to v0.3 clients, and declare the 0.3 endpoint in supportedInterfaces.`,
  }));
  const caps = raw['capabilities'];
  if (isObj(caps) && 'stateTransitionHistory' in caps) {
    out.push({
      path: '$.capabilities.stateTransitionHistory',
      message:
        'v0.3 capability `stateTransitionHistory` in a v1.0 card: the v1.0 schema does not allow it.',
    });
  }
  return out;
}

function urlWarnings(raw: Obj, v: ProtocolVersion): CardIssue[] {
  const out: CardIssue[] = [];
  const check = (path: string, url: unknown) => {
    if (typeof url !== 'string') return;
    if (!/^https?:\/\//i.test(url)) out.push({ path, message: `Not an http(s) URL: ${url}` });
  };
  // A gRPC interface is an address: host:port, or a grpc(s):// / http(s):// URL.
  const checkGrpc = (path: string, url: unknown) => {
    if (typeof url !== 'string') return;
    if (!/^((grpcs?|https?):\/\/)?[^\s/:]+(:\d+)?(\/\S*)?$/i.test(url))
      out.push({ path, message: `Not a gRPC address (host:port or URL): ${url}` });
  };
  if (v === '0.3') {
    check('$.url', raw['url']);
    if (typeof raw['protocolVersion'] === 'string' && !raw['protocolVersion'].startsWith('0.3')) {
      out.push({
        path: '$.protocolVersion',
        message: `A v0.3-shaped card claims protocolVersion ${raw['protocolVersion']}.`,
      });
    }
    const extra = Array.isArray(raw['additionalInterfaces']) ? raw['additionalInterfaces'] : [];
    extra.forEach((i, n) => {
      if (!isObj(i)) return;
      if (i['transport'] === 'GRPC') checkGrpc(`$.additionalInterfaces[${n}].url`, i['url']);
      else check(`$.additionalInterfaces[${n}].url`, i['url']);
    });
  } else {
    const list = Array.isArray(raw['supportedInterfaces']) ? raw['supportedInterfaces'] : [];
    list.forEach((i, n) => {
      if (!isObj(i)) return;
      if (i['protocolBinding'] === 'GRPC') checkGrpc(`$.supportedInterfaces[${n}].url`, i['url']);
      else check(`$.supportedInterfaces[${n}].url`, i['url']);
    });
    if (!list.some((i) => isObj(i) && i['protocolBinding'] === 'JSONRPC')) {
      out.push({
        path: '$.supportedInterfaces',
        message: 'No JSONRPC interface: Switchboard speaks JSON-RPC only.',
      });
    }
  }
  return out;
}
