// Wire log as the API shows it: exchanges with their SSE frames (or gRPC messages) and a
// ready-to-paste curl (grpcurl) command. Secrets were redacted when the exchange was written,
// so the command shows placeholders.
import type { WireExchange } from '../../../shared/api/agents';
import { shellQuote } from '../../../shared/curl';
import { grpcurlCommand } from '../../../shared/grpcurl';
import type { A2aWireRepo, ExchangeRow } from '../store/a2a-wire-repo';

const SKIP_CURL_HEADERS = new Set(['content-length', 'host', 'connection']);

export function toCurl(
  ex: Pick<ExchangeRow, 'method' | 'url' | 'requestHeaders' | 'requestBody' | 'streamKind'>,
): string {
  const parts = ['curl', ex.streamKind ? '-N' : '', '-X', ex.method, shellQuote(ex.url)].filter(
    Boolean,
  );
  for (const [n, v] of ex.requestHeaders)
    if (!SKIP_CURL_HEADERS.has(n.toLowerCase())) parts.push('-H', shellQuote(`${n}: ${v}`));
  if (ex.requestBody) parts.push('--data-raw', shellQuote(ex.requestBody));
  return parts.join(' ');
}

export function toWireExchange(
  wire: A2aWireRepo,
  ex: ExchangeRow,
  withFrames: boolean,
): WireExchange {
  const {
    streamKind: _s,
    protocolVersion: _p,
    contentType: _c,
    streamEnd: _e,
    truncatedTail: _t,
    grpc,
    ...rest
  } = ex;
  const view: WireExchange = grpc
    ? {
        ...rest,
        grpc,
        curl: grpcurlCommand({
          address: grpc.address,
          tls: grpc.tls,
          path: grpc.path,
          metadata: ex.requestHeaders,
          json: ex.requestBody,
        }),
      }
    : { ...rest, curl: toCurl(ex) };
  if (withFrames && ex.streamKind) {
    view.frames = wire
      .framesOfExchange(ex.id)
      .map((f) => ({ id: f.id, at: f.at, raw: f.raw, event: f.event, data: f.data }));
  }
  return view;
}
