// The selected agent: card summary (name, version, capabilities, skills, interfaces, security
// schemes), validation errors and warnings with their JSON path, and the transport / protocol
// version / push dialect in use with their overrides.
import type { AgentView } from '../../../shared/api/agents';
import type { Transport } from '../../../shared/a2a/transports';
import { HeaderOriginConsent } from './HeaderOriginConsent';

export function AgentCard(props: {
  agent: AgentView;
  onOverride: (patch: {
    protocolVersion?: '0.3' | '1.0' | null;
    pushDialect?: 'tutorial' | 'v0.3' | 'v1.0' | null;
    transport?: Transport | null;
    headerOrigins?: string[];
  }) => void;
}) {
  const { agent: a } = props;
  const s = a.summary;
  return (
    <section className="agent-card" aria-label="Agent card">
      <h2>
        {s.name || '(no name)'} <small>v{s.version}</small>
      </h2>
      <p className="muted">{s.description}</p>
      <dl className="kv">
        <dt>Card</dt>
        <dd>{a.cardUrl}</dd>
        <dt>Endpoint</dt>
        <dd>{a.rpcUrl}</dd>
        <dt>Capabilities</dt>
        <dd>
          streaming {s.capabilities.streaming ? 'yes' : 'no'} · push{' '}
          {s.capabilities.pushNotifications ? 'yes' : 'no'}
        </dd>
        <dt>Interfaces</dt>
        <dd>{s.interfaces.map((i) => `${i.binding} ${i.version}`).join(', ')}</dd>
        <dt>Security</dt>
        <dd>{s.securitySchemes.map((x) => `${x.name} (${x.type})`).join(', ') || 'none'}</dd>
        <dt>Skills</dt>
        <dd>{s.skills.map((k) => k.name).join(', ') || 'none'}</dd>
        <dt>Transport</dt>
        <dd>
          <select
            className="input"
            aria-label="Transport"
            data-testid="transport-select"
            value={a.transportOverride ?? 'auto'}
            onChange={(e) =>
              props.onOverride({
                transport: e.target.value === 'auto' ? null : (e.target.value as Transport),
              })
            }
          >
            <option value="auto">auto ({a.transports[0]?.transport ?? a.transport})</option>
            {a.transports.map((t) => (
              <option key={t.transport} value={t.transport}>
                {t.transport} · {t.urls.join(', ')}
              </option>
            ))}
          </select>{' '}
          <span className="muted" data-testid="transport-in-use">
            in use: {a.transport}
          </span>
        </dd>
        <dt>Protocol</dt>
        <dd>
          <select
            className="input"
            aria-label="Protocol version"
            value={a.versionOverride ?? 'auto'}
            onChange={(e) =>
              props.onOverride({
                protocolVersion:
                  e.target.value === 'auto' ? null : (e.target.value as '0.3' | '1.0'),
              })
            }
          >
            <option value="auto">auto ({a.detectedVersion})</option>
            <option value="1.0">1.0</option>
            <option value="0.3">0.3</option>
          </select>{' '}
          push dialect{' '}
          <select
            className="input"
            aria-label="Push dialect"
            value={a.pushDialectOverride ?? 'auto'}
            onChange={(e) =>
              props.onOverride({
                pushDialect:
                  e.target.value === 'auto'
                    ? null
                    : (e.target.value as 'tutorial' | 'v0.3' | 'v1.0'),
              })
            }
          >
            <option value="auto">auto ({a.pushDialect})</option>
            <option value="v1.0">v1.0</option>
            <option value="v0.3">v0.3</option>
            <option value="tutorial">tutorial</option>
          </select>
        </dd>
      </dl>
      <HeaderOriginConsent
        agent={a}
        onChange={(headerOrigins) => props.onOverride({ headerOrigins })}
      />
      {a.validation.errors.length || a.validation.warnings.length ? (
        <ul className="card-issues">
          {a.validation.errors.map((i, n) => (
            <li key={`e${n}`} className="sev-error">
              <code>{i.path}</code> {i.message}
            </li>
          ))}
          {a.validation.warnings.map((i, n) => (
            <li key={`w${n}`} className="sev-warning">
              <code>{i.path}</code> {i.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="ok-line">Card valid (v{a.validation.cardVersion}).</p>
      )}
    </section>
  );
}
