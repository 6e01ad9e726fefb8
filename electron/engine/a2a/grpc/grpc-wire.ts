// What the wire log keeps of a gRPC call: bytes as hex with secrets cut out, metadata as header
// pairs (binary `-bin` values base64, as HTTP/2 carries them), and the status of the call.
// Why redact bytes too: a push token travels inside the request message, and secrets are never
// logged; «redacted» in the hex marks where they were (the bytes around are exact).
import type { Metadata } from '@grpc/grpc-js';
import type { HeaderPair } from '../../../../shared/model';
import { REDACTED } from '../wire-http';

export function redactedHex(bytes: Uint8Array, secrets: string[] | undefined): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cuts: [number, number][] = [];
  for (const s of secrets ?? []) {
    if (!s) continue;
    const needle = Buffer.from(s, 'utf8');
    for (let i = buf.indexOf(needle); i >= 0; i = buf.indexOf(needle, i + needle.length))
      cuts.push([i, i + needle.length]);
  }
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [from, to] of cuts) {
    if (to <= at) continue;
    if (from > at) out += buf.subarray(at, from).toString('hex');
    out += REDACTED;
    at = to;
  }
  return out + buf.subarray(at).toString('hex');
}

export function metadataPairs(md: Metadata | undefined): HeaderPair[] {
  if (!md) return [];
  const out: HeaderPair[] = [];
  for (const name of Object.keys(md.getMap())) {
    for (const v of md.get(name))
      out.push([name, typeof v === 'string' ? v : Buffer.from(v).toString('base64')]);
  }
  return out;
}
