// The Agents screen: add an agent by base URL (custom headers, version / dialect overrides),
// pick an agent, compose messages, pick a task, control it and watch its timeline live. The card
// and the compose form collapse (remembered); everything below the compose form belongs to the
// selected task and is keyed by it, so switching tasks never shows another task's data.
import { useEffect, useState } from 'react';
import { useApp } from '../../state/store';
import { AgentCard } from './AgentCard';
import { AgentReportSection } from './AgentReportSection';
import { AgentsSide } from './AgentsSide';
import { ComposeForm } from './ComposeForm';
import { Section } from './Section';
import { TaskControls } from './TaskControls';
import { Timeline } from './Timeline';
import { demoHint } from './agents-text';
import { useLocalEndpoints } from './use-local-endpoints';

/** Under 800 px of height the card starts collapsed (its summary line says the essentials), so
 *  the timeline has room; the user's own choice is remembered after that. */
const SHORT_WINDOW = () => typeof window !== 'undefined' && window.innerHeight < 800;

export function AgentsView() {
  const api = useApp((x) => x.agents.ops);
  const agents = useApp((x) => x.agents.agents);
  const selectedAgentId = useApp((x) => x.agents.selectedAgentId);
  const tasks = useApp((x) => x.agents.tasks);
  const selectedTaskId = useApp((x) => x.agents.selectedTaskId);
  const events = useApp((x) => x.agents.events);
  const findings = useApp((x) => x.agents.findings);
  const error = useApp((x) => x.agents.error);
  const busy = useApp((x) => x.agents.busy);
  const draft = useApp((x) => x.agents.draft);
  const run = useApp((x) => x.agents.run);
  const load = useApp((x) => x.agents.load);
  const selectAgent = useApp((x) => x.agents.selectAgent);
  const selectTask = useApp((x) => x.agents.selectTask);
  const { receiverUrl, running } = useLocalEndpoints();
  const [typedUrl, setUrl] = useState<string | null>(null);
  // Until the user types, the URL field proposes the first running demo agent (its real port).
  const url = typedUrl ?? running[0]?.url ?? 'http://127.0.0.1:8001/';
  useEffect(() => {
    void run(() => load());
  }, [run, load]);
  const agent = agents.find((a) => a.id === selectedAgentId) ?? null;
  const task = tasks.find((t) => t.taskId === selectedTaskId) ?? null;
  const hint = demoHint(running);

  return (
    <div className="agents-view">
      <AgentsSide url={url} setUrl={setUrl} hint={hint} />
      <section className="agents-main">
        {error ? (
          <p className="error-line" role="alert">
            {error}
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
                  void run(async () => (await api.updateAgent({ id: agent.id, ...patch }), load()))
                }
              />
            </Section>
            <Section id="compose" title="Compose">
              <ComposeForm
                key={draft ? `draft-${draft.seq}` : 'compose'}
                initial={draft?.agentId === agent.id ? draft : undefined}
                busy={busy}
                defaultPushUrl={`${receiverUrl ?? 'this receiver'}/webhook`}
                dialect={agent.pushDialect}
                onSend={(v) =>
                  void run(async () => {
                    const r = await api.sendMessage({ id: agent.id, ...v });
                    await selectAgent(agent.id);
                    if (r.taskId) await selectTask(r.taskId);
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
          <TaskControls key={`controls-${task.taskId}`} api={api} task={task} run={run} />
        ) : null}
        {selectedTaskId ? (
          <Timeline
            key={`timeline-${selectedTaskId}`}
            api={api}
            events={events}
            findings={findings}
          />
        ) : null}
      </section>
    </div>
  );
}
