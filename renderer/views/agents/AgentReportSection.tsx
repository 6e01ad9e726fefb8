// Push report of the selected agent (the agent report): one button runs every push scenario
// against Switchboard's receiver; the panel lists each check with pass / FAIL / n/a, why, and
// the captures it rests on, with Markdown and JSON export. The time scale defaults to a running
// demo agent's speed. Agent data (reasons quote verifier details) renders as text only.
import { errorText } from '../../../shared/error-text';
import { useState } from 'react';
import type { AgentOps } from '../../state/agents-slice';
import type { AgentView } from '../../../shared/api/agents';
import type { AgentReport } from '../../../shared/api/agent-report';
import type { DemoAgentInfo } from '../../../shared/api/demo';
import { downloadText } from '../replay/replay-bridge';
import { Section } from './Section';

const CLASS = { pass: 'verdict-secure', fail: 'verdict-VULNERABLE', 'n/a': 'muted' } as const;

const same = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export function AgentReportSection(props: {
  api: AgentOps;
  agent: AgentView;
  running: DemoAgentInfo[];
}) {
  const demoSpeed = props.running.find((d) => d.url && same(d.url, props.agent.baseUrl))?.speed;
  const [scale, setScale] = useState(String(demoSpeed ?? 1));
  const [report, setReport] = useState<AgentReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const timeScale = Number(scale);
      if (!Number.isFinite(timeScale) || timeScale < 1)
        throw new Error('The time scale is a number of at least 1 (1 for a real agent).');
      setReport(await props.api.agentReport({ url: props.agent.baseUrl, timeScale }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const name = `agent-report-${props.agent.id}`;

  return (
    <Section id="agent-report" initiallyOpen={false} title="Push report">
      <div className="agent-report" data-testid="agent-report">
        <p className="muted">
          Starts tasks with push to this receiver and checks delivery, authentication, retries (500,
          503 + Retry-After), a 400 and a slow receiver, and a disconnect.
        </p>
        <div className="agent-report-row">
          <label>
            Time scale{' '}
            <input
              className="mono"
              value={scale}
              onChange={(e) => setScale(e.target.value)}
              inputMode="decimal"
              size={6}
            />
          </label>
          <button
            type="button"
            className="btn btn-primary btn-small"
            disabled={busy}
            onClick={() => void run()}
          >
            {busy ? 'Running scenarios…' : 'Run push report'}
          </button>
          {report && (
            <>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => downloadText(`${name}.md`, report.markdown, 'text/markdown')}
              >
                Export Markdown
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  downloadText(`${name}.json`, JSON.stringify(report, null, 2), 'application/json')
                }
              >
                Export JSON
              </button>
            </>
          )}
        </div>
        {error && (
          <div className="notice notice-error" role="alert">
            {error}
          </div>
        )}
        {report && <ReportChecks report={report} />}
      </div>
    </Section>
  );
}

function ReportChecks({ report }: { report: AgentReport }) {
  return (
    <>
      <p
        className={report.failedRequired > 0 ? 'verdict-VULNERABLE' : 'verdict-secure'}
        data-testid="agent-report-summary"
      >
        {report.failedRequired > 0
          ? `${report.failedRequired} required check(s) failed`
          : 'Every required check passed'}{' '}
        <span className="muted">
          ({report.dialects.join(', ')}; {Math.round(report.durationMs)} ms)
        </span>
      </p>
      <table className="replay-table">
        <thead>
          <tr>
            <th>check</th>
            <th>dialect</th>
            <th>required</th>
            <th>result</th>
            <th>why</th>
            <th>captures</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((c) => (
            <tr key={`${c.dialect}-${c.id}`} data-testid={`agent-check-${c.dialect}-${c.id}`}>
              <td>
                <span className="mono">{c.id}</span> {c.title}
              </td>
              <td className="mono">{c.dialect}</td>
              <td>{c.required ? 'yes' : 'no'}</td>
              <td className={CLASS[c.status]}>{c.status === 'fail' ? 'FAIL' : c.status}</td>
              <td>
                {c.why}
                {c.timingsMs.length ? (
                  <span className="muted"> ({c.timingsMs.join(', ')} ms)</span>
                ) : null}
              </td>
              <td className="mono">{c.captureIds.map((id) => `#${id}`).join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
