// The Agents screen's side column: add an agent by base URL (custom headers), discover agents on
// localhost (common ports and the running demo agents), the agent list and the selected agent's
// tasks with their state and full id (tooltip; the task bar has a Copy button).
import { useState } from 'react';
import type { DiscoveredAgent } from '../../../shared/api/agents';
import { useApp } from '../../state/store';

function parseHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

export function AgentsSide(props: { url: string; setUrl: (url: string) => void; hint: string }) {
  const { url, setUrl } = props;
  const api = useApp((x) => x.agents.ops);
  const s = {
    agents: useApp((x) => x.agents.agents),
    selectedAgentId: useApp((x) => x.agents.selectedAgentId),
    tasks: useApp((x) => x.agents.tasks),
    selectedTaskId: useApp((x) => x.agents.selectedTaskId),
    busy: useApp((x) => x.agents.busy),
    run: useApp((x) => x.agents.run),
    load: useApp((x) => x.agents.load),
    selectAgent: useApp((x) => x.agents.selectAgent),
    selectTask: useApp((x) => x.agents.selectTask),
  };
  const [headers, setHeaders] = useState('');
  const [found, setFound] = useState<DiscoveredAgent[] | null>(null);
  const add = () =>
    void s.run(async () => {
      const a = await api.addAgent({ url: url.trim(), headers: parseHeaders(headers) });
      await s.load();
      await s.selectAgent(a.id);
    });
  return (
    <aside className="agents-side">
      <form
        className="add-agent"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input
          className="input"
          aria-label="Agent base URL"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <textarea
          className="input"
          aria-label="Custom headers"
          placeholder={'Custom headers (secret), one per line\nAuthorization: Bearer …'}
          rows={2}
          value={headers}
          onChange={(e) => setHeaders(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={s.busy}>
          Add agent
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => void s.run(async () => setFound(await api.discoverAgents({})))}
        >
          Discover on localhost
        </button>
        <p className="muted small" data-testid="demo-hint">
          {props.hint}
        </p>
      </form>
      {found ? (
        <ul className="found-list" aria-label="Discovered agents">
          {found.length === 0 ? <li className="muted">no agent card on the probed ports</li> : null}
          {found.map((f) => (
            <li key={f.url}>
              <button
                type="button"
                className="btn"
                title={f.agentId !== null ? 'already added' : 'use this URL'}
                onClick={() => (f.agentId !== null ? void s.selectAgent(f.agentId) : setUrl(f.url))}
              >
                {f.name} <small>{f.url}</small>
                {f.agentId !== null ? <small> (added)</small> : null}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="agent-list" aria-label="Agents">
        {s.agents.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className={a.id === s.selectedAgentId ? 'active' : ''}
              title={a.baseUrl}
              onClick={() => void s.selectAgent(a.id)}
            >
              {a.summary.name || a.baseUrl} <small>{a.protocolVersion}</small>
            </button>
          </li>
        ))}
      </ul>
      <h3>Tasks</h3>
      <ul className="task-list" aria-label="Tasks">
        {s.tasks.map((t) => (
          <li key={t.taskId}>
            <button
              type="button"
              className={t.taskId === s.selectedTaskId ? 'active' : ''}
              title={`${t.taskId}${t.lastText ? `\n${t.lastText}` : ''}`}
              onClick={() => void s.selectTask(t.taskId)}
            >
              <span className={`tl-state st-${t.state}`}>{t.state}</span>{' '}
              <span className="mono task-list-id">{t.taskId}</span>
              <small className="task-list-text">{t.lastText ?? ''}</small>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
