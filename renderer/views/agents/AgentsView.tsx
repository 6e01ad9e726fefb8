// The Agents screen: add an agent by base URL (custom headers, version / dialect overrides),
// pick an agent, compose messages, pick a task, control it and watch its timeline live.
import { useEffect, useMemo, useState } from 'react';
import type { DiscoveredAgent } from '../../../shared/api/agents';
import { getApi, onEngineBatch } from '../../state/store';
import { agentsStore, useAgents } from '../../state/agents-slice';
import { AgentCard } from './AgentCard';
import { ComposeForm } from './ComposeForm';
import { TaskControls } from './TaskControls';
import { Timeline } from './Timeline';
import './agents.css';

function parseHeaders(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return out;
}

export function AgentsView() {
  const api = getApi();
  const store = useMemo(() => agentsStore(api), [api]);
  const s = useAgents(store, (x) => x);
  const [url, setUrl] = useState('http://127.0.0.1:8001/');
  const [headers, setHeaders] = useState('');
  const [found, setFound] = useState<DiscoveredAgent[] | null>(null);
  useEffect(() => {
    void store.getState().run(() => store.getState().load());
    return onEngineBatch((batch) => store.getState().applyBatch(batch));
  }, [store]);
  const agent = s.agents.find((a) => a.id === s.selectedAgentId) ?? null;
  const task = s.tasks.find((t) => t.taskId === s.selectedTaskId) ?? null;

  const add = () =>
    void s.run(async () => {
      const a = await api.addAgent({ url: url.trim(), headers: parseHeaders(headers) });
      await s.load();
      await s.selectAgent(a.id);
    });

  return (
    <div className="agents-view">
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
        </form>
        {found ? (
          <ul className="found-list" aria-label="Discovered agents">
            {found.length === 0 ? (
              <li className="muted">no agent card on the probed ports</li>
            ) : null}
            {found.map((f) => (
              <li key={f.url}>
                <button
                  type="button"
                  className="btn"
                  onClick={() => setUrl(f.url)}
                  disabled={f.agentId !== null}
                >
                  {f.name} <small>{f.url}</small>
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
                onClick={() => void s.selectTask(t.taskId)}
              >
                <span className={`tl-state st-${t.state}`}>{t.state}</span> {t.taskId.slice(0, 8)}{' '}
                <small>{t.lastText ?? ''}</small>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <section className="agents-main">
        {s.error ? (
          <p className="error-line" role="alert">
            {s.error}
          </p>
        ) : null}
        {agent ? (
          <>
            <AgentCard
              agent={agent}
              onOverride={(patch) =>
                void s.run(
                  async () => (await api.updateAgent({ id: agent.id, ...patch }), s.load()),
                )
              }
            />
            <ComposeForm
              busy={s.busy}
              onSend={(v) =>
                void s.run(async () => {
                  const r = await api.sendMessage({ id: agent.id, ...v });
                  await s.selectAgent(agent.id);
                  if (r.taskId) await s.selectTask(r.taskId);
                })
              }
            />
          </>
        ) : (
          <p className="muted">
            Add an agent by its base URL (the demo agents run on ports 8001 and 8002).
          </p>
        )}
        {task ? <TaskControls api={api} task={task} run={s.run} /> : null}
        {s.selectedTaskId ? <Timeline events={s.events} findings={s.findings} /> : null}
      </section>
    </div>
  );
}
