// The wire-log exchange a timeline row came from, as it went over the wire: transport, HTTP
// method and path (REST) or URL, status, request headers and body, the answer body, and "Copy
// as curl" (the engine builds it with the one builder of shared/curl.ts) or, for gRPC, "Copy as
// grpcurl" with the call's status, trailers and each message's bytes (WireGrpcDetails). Loaded
// on request.
// Everything here is agent data: rendered as text.
import { useState } from 'react';
import type { AgentOps } from '../../state/agents-slice';
import type { WireExchange } from '../../../shared/api/agents';
import { errorText } from '../../../shared/error-text';
import { CopyButton } from '../../components/CopyButton';
import { WireGrpcDetails } from './WireGrpcDetails';

/** "POST /rest/message:stream" for REST; JSON-RPC is always POST to its endpoint. */
export function requestLine(ex: Pick<WireExchange, 'method' | 'url'>): string {
  try {
    const u = new URL(ex.url);
    return `${ex.method} ${u.pathname}${u.search}`;
  } catch {
    return `${ex.method} ${ex.url}`;
  }
}

export function WireExchangePanel(props: {
  api: Pick<AgentOps, 'listWire'>;
  taskId: string;
  exchangeId: number;
}) {
  const [ex, setEx] = useState<WireExchange | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    const find = (frames: boolean) =>
      props.api
        .listWire({ taskId: props.taskId, frames, limit: 1000 })
        .then((list) => list.find((x) => x.id === props.exchangeId) ?? null);
    // gRPC messages are shown one by one: their frames are loaded too.
    find(false)
      .then((found) => (found?.grpc && found.frameCount ? find(true) : found))
      .then(
        (found) => {
          setEx(found);
          if (!found) setError(`Exchange #${props.exchangeId} is not in the wire log any more.`);
        },
        (err: unknown) => setError(errorText(err)),
      );
  };
  return (
    <details
      className="wire-exchange"
      data-testid="wire-exchange"
      onToggle={(e) => (e.currentTarget.open && !ex ? load() : undefined)}
    >
      <summary>Wire exchange #{props.exchangeId}</summary>
      {error ? <p className="error-line">{error}</p> : null}
      {ex ? (
        <>
          <div className="tl-detail-row">
            <span className="mono" data-testid="wire-request-line">
              {ex.transport ?? 'JSONRPC'} · {requestLine(ex)} →{' '}
              {ex.status ?? ex.grpc?.status?.name ?? ex.error ?? '…'}
            </span>
            <span className="spacer" />
            <CopyButton
              text={ex.curl}
              label={ex.grpc ? 'Copy as grpcurl' : 'Copy as curl'}
              small
              testId="wire-curl"
            />
          </div>
          <dl className="kv tl-kv">
            <dt>URL</dt>
            <dd className="mono">{ex.url}</dd>
            <dt>request headers</dt>
            <dd className="mono">
              {ex.requestHeaders.map(([n, v]) => `${n}: ${v}`).join('\n') || '(none)'}
            </dd>
          </dl>
          <pre className="wire-body" tabIndex={0} aria-label="Request body">
            {ex.requestBody || '(no body)'}
          </pre>
          <pre className="wire-body" tabIndex={0} aria-label="Response body">
            {ex.responseBody ||
              (ex.frameCount
                ? `(${ex.frameCount} ${ex.grpc ? 'stream messages' : 'SSE frames'})`
                : '(no body)')}
          </pre>
          {ex.grpc ? <WireGrpcDetails grpc={ex.grpc} frames={ex.frames} /> : null}
        </>
      ) : null}
    </details>
  );
}
