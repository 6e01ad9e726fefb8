// The Agents screen: add an agent by base URL (custom headers, version / dialect overrides),
// pick an agent, compose messages, pick a task, control it and watch its timeline live. The card
// and the compose form collapse (remembered); everything below the compose form belongs to the
// selected task and is keyed by it, so switching tasks never shows another task's data.
import { useEffect, useMemo, useState } from 'react';
import { getApi, onEngineBatch } from '../../state/store';
import { agentsStore, useAgents } from '../../state/agents-slice';
import { AgentCard } from './AgentCard';
import { AgentReportSection } from './AgentReportSection';
import { AgentsSide } from './AgentsSide';
import { ComposeForm } from './ComposeForm';
import { Section } from './Section';
import { TaskControls } from './TaskControls';
import { Timeline } from './Timeline';
import { demoHint } from './agents-text';
import { useLocalEndpoints } from './use-local-endpoints';
import './agents.css';
import './agents-layout.css';

/** Under 800 px of height the card starts collapsed (its summary line says the essentials), so
 *  the timeline has room; the user's own choice is remembered after that. */
const SHORT_WINDOW = () => typeof window !== 'undefined' && window.innerHeight < 800;

export function AgentsView() {
  const api = getApi();
  const store = useMemo(() => agentsStore(api), [api]);
  const s = useAgents(store, (x) => x);
  const { receiverUrl, running } = useLocalEndpoints(api);
  const [typedUrl, setUrl] = useState<string | null>(null);
  // Until the user types, the URL field proposes the first running demo agent (its real port).
  const url = typedUrl ?? running[0]?.url ?? 'http://127.0.0.1:8001/';
  useEffect(() => {
    void store.getState().run(() => store.getState().load());
    return onEngineBatch((batch) => store.getState().applyBatch(batch));
  }, [store]);
  const agent = s.agents.find((a) => a.id === s.selectedAgentId) ?? null;
  const task = s.tasks.find((t) => t.taskId === s.selectedTaskId) ?? null;
  const hint = demoHint(running);

  return (
    <div className="agents-view">
      <AgentsSide api={api} s={s} url={url} setUrl={setUrl} hint={hint} />
      <section className="agents-main">
        {s.error ? (
          <p className="error-line" role="alert">
            {s.error}
          </p>
        ) : null}
        {agent ? (
          <>
            <Section
              id="card"
              initiallyOpen={!SHORT_WINDOW()}
              title={
                <>
                  Agent card: <strong>{agent.summary.name || agent.baseUrl}</strong>{' '}
                  <span className="muted">
                    {agent.transport} {agent.rpcUrl} · v{agent.protocolVersion} · push{' '}
                    {agent.pushDialect}
                  </span>
                </>
              }
            >
              <AgentCard
                agent={agent}
                onOverride={(patch) =>
                  void s.run(
                    async () => (await api.updateAgent({ id: agent.id, ...patch }), s.load()),
                  )
                }
              />
            </Section>
            <Section id="compose" title="Compose">
              <ComposeForm
                busy={s.busy}
                defaultPushUrl={`${receiverUrl ?? 'this receiver'}/webhook`}
                dialect={agent.pushDialect}
                onSend={(v) =>
                  void s.run(async () => {
                    const r = await api.sendMessage({ id: agent.id, ...v });
                    await s.selectAgent(agent.id);
                    if (r.taskId) await s.selectTask(r.taskId);
                  })
                }
              />
            </Section>
            <AgentReportSection
              key={`report-${agent.id}`}
              api={api}
              agent={agent}
              running={running}
            />
          </>
        ) : (
          <p className="muted">Add an agent by its base URL. {hint}</p>
        )}
        {task ? (
          <TaskControls key={`controls-${task.taskId}`} api={api} task={task} run={s.run} />
        ) : null}
        {s.selectedTaskId ? (
          <Timeline
            key={`timeline-${s.selectedTaskId}`}
            api={api}
            events={s.events}
            findings={s.findings}
          />
        ) : null}
      </section>
    </div>
  );
}
