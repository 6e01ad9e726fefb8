// What a gRPC exchange adds to its wire-log view: the full method path and address, the status
// (code, name, details, the A2A error reason) and trailers, the request message's bytes in hex,
// and each stream message as received: its bytes in hex next to the JSON they decode to.
// Everything here is agent data: rendered as text. The byte boxes scroll, so each one takes the
// keyboard focus (axe: scrollable-region-focusable).
import type { GrpcWireInfo, WireFrame } from '../../../shared/api/agents';

const MAX_FRAMES = 200;

export function WireGrpcDetails(props: { grpc: GrpcWireInfo; frames: WireFrame[] | undefined }) {
  const g = props.grpc;
  const frames = props.frames ?? [];
  return (
    <div data-testid="wire-grpc">
      <dl className="kv tl-kv">
        <dt>method</dt>
        <dd className="mono">{g.path}</dd>
        <dt>address</dt>
        <dd className="mono">
          {g.address}
          {g.tls ? ' (TLS)' : ' (plaintext)'}
        </dd>
        <dt>status</dt>
        <dd className="mono" data-testid="wire-grpc-status">
          {g.status ? `${g.status.code} ${g.status.name}` : 'open'}
          {g.status?.details ? ` · ${g.status.details}` : ''}
          {g.reason ? ` · reason ${g.reason}` : ''}
        </dd>
        <dt>trailers</dt>
        <dd className="mono">{g.trailers.map(([n, v]) => `${n}: ${v}`).join('\n') || '(none)'}</dd>
      </dl>
      <pre className="wire-body" tabIndex={0} aria-label="Request message bytes (hex)">
        {g.requestHex || '(empty)'}
      </pre>
      {g.responseHex !== null ? (
        <pre className="wire-body" tabIndex={0} aria-label="Answer message bytes (hex)">
          {g.responseHex || '(empty)'}
        </pre>
      ) : null}
      {frames.length ? (
        <ol className="wire-messages" aria-label="Stream messages">
          {frames.slice(0, MAX_FRAMES).map((f, i) => (
            <li key={f.id} data-testid="wire-grpc-message">
              <pre className="wire-body mono" tabIndex={0} aria-label={`Message ${i + 1} (hex)`}>
                {f.raw}
              </pre>
              <pre className="wire-body" tabIndex={0} aria-label={`Message ${i + 1} decoded`}>
                {f.data ?? '(not a valid message)'}
              </pre>
            </li>
          ))}
          {frames.length > MAX_FRAMES ? (
            <li className="muted">… {frames.length - MAX_FRAMES} more messages</li>
          ) : null}
        </ol>
      ) : null}
    </div>
  );
}
