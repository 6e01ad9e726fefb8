// Wire log as the API shows it: exchanges (JSON-RPC, HTTP+JSON or gRPC) with their SSE frames
// (or gRPC messages) and a ready-to-paste curl (grpcurl) command. Secrets were redacted when the
// exchange was written, so the command shows placeholders.
import type { WireExchange } from '../../../shared/api/agents';
import { curlCommand } from '../../../shared/curl';
import { grpcurlCommand } from '../../../shared/grpcurl';
import type { A2aWireRepo, ExchangeRow } from '../store/a2a-wire-repo';

/** "Copy as curl" of a JSON-RPC or HTTP+JSON exchange: the one builder of shared/curl.ts, with
 *  the method, URL (path and query), headers and body as logged. */
export function toCurl(
  ex: Pick<ExchangeRow, 'method' | 'url' | 'requestHeaders' | 'requestBody' | 'streamKind'>,
): string {
  return curlCommand(
    ex.method,
    ex.url,
    ex.requestHeaders,
    new TextEncoder().encode(ex.requestBody),
    {
      stream: ex.streamKind !== null,
    },
  );
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
