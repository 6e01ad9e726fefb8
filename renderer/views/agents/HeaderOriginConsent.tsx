// Shown when an agent has custom headers and its card's endpoint is on another origin than
// the base URL they were entered for: the engine refuses to send them there until the user
// confirms that origin for this agent (stored with the agent), and can revoke it here.
import type { AgentView } from '../../../shared/api/agents';

/** A gRPC interface (host:port, grpc://, grpcs://) counts as http(s)://host:port, as the engine
 *  checks it. */
function originOf(url: string): string | null {
  const u = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `grpc://${url}`;
  try {
    return new URL(u.replace(/^grpc(s?):\/\//i, 'http$1://')).origin;
  } catch {
    return null;
  }
}

export function HeaderOriginConsent(props: {
  agent: AgentView;
  onChange: (headerOrigins: string[]) => void;
}) {
  const a = props.agent;
  const entered = originOf(a.baseUrl);
  const target = originOf(a.rpcUrl);
  if (!a.headers.length || !target || target === entered) return null;
  const allowed = a.headerOrigins.includes(target);
  const names = a.headers.map((h) => h.name).join(', ');
  return (
    <div className="header-origin" data-testid="header-origin" data-allowed={String(allowed)}>
      {allowed ? (
        <p>
          Your custom headers ({names}) entered for {entered} are also sent to {target}.{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => props.onChange(a.headerOrigins.filter((o) => o !== target))}
          >
            Stop sending them there
          </button>
        </p>
      ) : (
        <p className="sev-warning">
          The card sends calls to {target}, but your custom headers ({names}) were entered for{' '}
          {entered}. They are not sent there, so calls are refused until you allow it.{' '}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => props.onChange([...a.headerOrigins, target])}
          >
            Allow them on {target}
          </button>
        </p>
      )}
    </div>
  );
}
