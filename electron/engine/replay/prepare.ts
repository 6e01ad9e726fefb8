// Turns a capture into the request a replay sends, for the modes exact, edited and re-signed.
// Invariant for exact: the body is the stored bytes untouched and the headers are the captured
// ones in order and casing, minus what replayableHeaders() drops.
import type { CaptureDetail, HeaderPair } from '../../../shared/model';
import { ApiError } from '../../../shared/api/define';
import type { ReplayChange } from '../../../shared/api/replay';
import { bodyChanges, headerChanges } from '../../../shared/replay/diff';
import { resign, type ResignTweaks, type SigningKeys } from './resign';
import { replayableHeaders } from '../../../shared/wire-headers';

export interface Prepared {
  method: string;
  headers: HeaderPair[];
  body: Uint8Array;
  /** The capture's stored bytes this request was prepared from: a body equal to them is stored
   *  as a reference to the capture, not a copy (exact, re-signed, unedited). */
  source: Uint8Array;
  changes: ReplayChange[];
  jti: string | null;
  webhookId: string | null;
  jwtReissued: boolean;
}

export interface Edits {
  body?: string | undefined;
  bodyBase64?: string | undefined;
  headers?: HeaderPair[] | undefined;
  resign?: boolean | undefined;
}

/** What preparing a request needs from a capture (bulk runs load only this). */
export type ReplaySource = Pick<CaptureDetail, 'method' | 'headers'>;

export function prepareExact(capture: ReplaySource, body: Uint8Array): Prepared {
  const headers = replayableHeaders(capture.headers);
  const dropped = capture.headers.length - headers.length;
  const changes: ReplayChange[] = dropped
    ? [
        {
          field: 'headers',
          kind: 'note',
          note: `${dropped} hop-by-hop/Host/Content-Length header(s) recomputed`,
        },
      ]
    : [];
  return {
    method: capture.method,
    headers,
    body,
    source: body,
    changes,
    jti: null,
    webhookId: null,
    jwtReissued: false,
  };
}

export function prepareResigned(
  capture: ReplaySource,
  body: Uint8Array,
  keys: SigningKeys,
  nowMs: number,
  tweaks: ResignTweaks = {},
): Prepared {
  const base = prepareExact(capture, body);
  const r = resign(base.headers, body, keys, nowMs, tweaks);
  return { ...base, ...r, changes: [...base.changes, ...r.changes] };
}

export function prepareEdited(
  capture: CaptureDetail,
  original: Uint8Array,
  edits: Edits,
  keys: SigningKeys,
  nowMs: number,
): Prepared {
  const base = prepareExact(capture, original);
  let body = original;
  if (edits.bodyBase64 !== undefined) {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(edits.bodyBase64)) {
      throw new ApiError(400, 'bad_edit', 'edits.bodyBase64 is not valid base64.');
    }
    body = new Uint8Array(Buffer.from(edits.bodyBase64, 'base64'));
  } else if (edits.body !== undefined) body = new TextEncoder().encode(edits.body);
  const headers = edits.headers ? replayableHeaders(edits.headers) : base.headers;
  const changes = [...headerChanges(base.headers, headers), ...bodyChanges(original, body)];
  if (!edits.resign) {
    if (changes.length > 0) {
      changes.push({ field: 'signatures', kind: 'note', note: 'sent as captured (not re-signed)' });
    }
    return { ...base, headers, body, changes };
  }
  const r = resign(headers, body, keys, nowMs);
  return { ...base, ...r, body, changes: [...changes, ...r.changes] };
}
