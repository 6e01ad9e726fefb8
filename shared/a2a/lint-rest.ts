// Conformance findings of one HTTP+JSON exchange, from what the wire log kept: the success
// status the binding defines for the operation, the answer's content type, the error body and
// the HTTP status its A2A error travels with, and fields of the other binding (a JSON-RPC
// envelope; in v0.3 the JSON-RPC object shape instead of proto JSON). Pure.
import { finding } from './lint';
import { expectedRestStatus, parseRestError, restOkStatus } from './rest-status';
import type { Finding } from './types';

export interface RestExchange {
  id: number;
  rpcMethod: string;
  protocolVersion: string;
  streamKind: 'send' | 'subscribe' | null;
  status: number;
  contentType: string | null;
  responseBody: string;
}

const JSON_TYPES = new Set(['application/json', 'application/a2a+json']);

function parse(text: string): { json: unknown } | null {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** `kind` on the answer (or its wrapped task / message): the v0.3 JSON-RPC object shape. */
export function hasKind(json: unknown): boolean {
  if (typeof json !== 'object' || json === null) return false;
  const o = json as Record<string, unknown>;
  if ('kind' in o) return true;
  return ['task', 'message'].some(
    (k) => typeof o[k] === 'object' && o[k] !== null && 'kind' in (o[k] as object),
  );
}

export function lintRestExchange(ex: RestExchange): Finding[] {
  const out: Finding[] = [];
  const where = `${ex.rpcMethod} (exchange #${ex.id})`;
  const ct = (ex.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const body = ex.responseBody.trim() === '' ? null : parse(ex.responseBody);
  if (ex.status >= 400) {
    const e = body ? parseRestError(body.json) : null;
    if (!e) {
      out.push(
        finding(
          'rest-error-body',
          null,
          `${where} answered HTTP ${ex.status}: ${ex.responseBody.slice(0, 120) || '(empty)'}`,
        ),
      );
      return out;
    }
    const expected = expectedRestStatus(e);
    if (expected !== null && expected !== ex.status)
      out.push(
        finding(
          'rest-error-status',
          null,
          `${where}: ${e.reason ?? `code ${e.rpcCode}`} came with HTTP ${ex.status}, the binding says ${expected}.`,
        ),
      );
    return out;
  }
  if (ex.status < 200 || ex.status >= 300) return out;
  if (ex.streamKind) return out; // the stream linter checks text/event-stream and the frames
  const ok = restOkStatus(ex.protocolVersion, ex.rpcMethod);
  if (ex.status !== ok)
    out.push(finding('rest-status', null, `${where} answered ${ex.status}; expected ${ok}.`));
  if (ex.status === 204) return out;
  if (!JSON_TYPES.has(ct))
    out.push(
      finding(
        'rest-content-type',
        null,
        `${where} answered \`${ex.contentType ?? 'no content type'}\`.`,
      ),
    );
  if (body && typeof body.json === 'object' && body.json !== null && 'jsonrpc' in body.json)
    out.push(finding('rest-jsonrpc-envelope', null, `${where}.`));
  else if (body && ex.protocolVersion === '0.3' && hasKind(body.json))
    out.push(finding('rest-v03-shape', null, `${where}.`));
  return out;
}
