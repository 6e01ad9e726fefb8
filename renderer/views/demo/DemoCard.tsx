// A running demo agent's card, summarised as text: name, version, description, capabilities and
// skills. The card comes from the agent, so every value is a React text child, never markup.
import { cardSummary } from './demo-model';

export function DemoCard({ card }: { card: Record<string, unknown> }) {
  const c = cardSummary(card);
  return (
    <dl className="demo-kv" aria-label="Agent card" data-testid="demo-card">
      <dt>Card</dt>
      <dd>
        {c.name} <span className="muted">v{c.version}</span>
      </dd>
      {c.description ? (
        <>
          <dt>About</dt>
          <dd>{c.description}</dd>
        </>
      ) : null}
      <dt>Capabilities</dt>
      <dd>{c.capabilities.join(', ') || 'none'}</dd>
      <dt>Skills</dt>
      <dd>
        {c.skills.length === 0
          ? 'none'
          : c.skills.map((s, i) => (
              <div key={i}>
                <strong>{s.name}</strong> <span className="muted">{s.description}</span>
              </div>
            ))}
      </dd>
    </dl>
  );
}
