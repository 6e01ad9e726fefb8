// One demo agent: status, URL (copy, open in Agents: added if needed and selected, the tutorial's
// message ready to send with push), start/stop
// with optional port and speed (restart keeps the port), its card as text and a copyable
// "try it" curl with push pointed at Switchboard's receiver. A failed start (e.g.
// 409, port in use) is shown in the panel in the engine's words.
import { errorText } from '../../../shared/error-text';
import { useState } from 'react';
import type { DemoAgentInfo } from '../../../shared/api/demo';
import { CopyButton } from '../../components/CopyButton';
import { getAppStore, useApp } from '../../state/store';
import { DemoCard } from './DemoCard';
import { TRY_TEXT } from './demo-model';
import { TryIt } from './TryIt';

export function DemoAgentPanel(props: {
  agent: DemoAgentInfo;
  receiverUrl: string;
  onChange: (a: DemoAgentInfo) => void;
}) {
  const a = props.agent;
  const [port, setPort] = useState('');
  const [speed, setSpeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const running = a.status === 'running';
  const ops = useApp((s) => s.demo.ops);

  const call = async (fn: () => Promise<DemoAgentInfo>) => {
    setBusy(true);
    setErr(null);
    try {
      props.onChange(await fn());
    } catch (e) {
      setErr(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const start = () => {
    const p = port.trim() === '' ? undefined : Number(port);
    const s = speed.trim() === '' ? undefined : Number(speed);
    if (p !== undefined && !(Number.isInteger(p) && p >= 0 && p <= 65535))
      return setErr('Port is a whole number from 0 to 65535 (0: any free port).');
    if (s !== undefined && !(s >= 0.01 && s <= 10_000))
      return setErr('Speed is a number from 0.01 to 10000 (delays are divided by it).');
    // Restart is the same call: the engine keeps the port (and speed) unless a new one is given
    // (0 or empty: keep), so an agent added by URL on the Agents screen keeps working.
    void call(() => ops.startDemoAgent({ name: a.name, port: p, speed: s }));
  };
  const openInAgents = () => {
    if (!a.url) return;
    const url = a.url;
    setBusy(true);
    setErr(null);
    getAppStore()
      .getState()
      .agents.openAgentUrl(url, { text: TRY_TEXT[a.name], push: true })
      .then(
        () => getAppStore().getState().setView('agents'),
        (e: unknown) => setErr(errorText(e)),
      )
      .finally(() => setBusy(false));
  };
  const stop = () => void call(() => ops.stopDemoAgent({ name: a.name }));
  const shownError = err ?? a.error;

  return (
    <section className="panel demo-agent" aria-label={a.title} data-testid={`demo-agent-${a.name}`}>
      <h2 className="panel-title">
        {a.title}
        <span className={`demo-status demo-${a.status}`} data-testid="demo-status">
          {a.status}
        </span>
      </h2>
      <div className="demo-row">
        {running && a.url ? (
          <>
            <code className="demo-url" data-testid="demo-url">
              {a.url}
            </code>
            <CopyButton text={a.url} label="Copy URL" small />
            <span className="muted">speed ×{a.speed}</span>
            <button type="button" className="btn btn-small" disabled={busy} onClick={openInAgents}>
              Open in Agents
            </button>
          </>
        ) : (
          <span className="muted">default port {a.defaultPort}</span>
        )}
      </div>
      <div className="demo-row demo-controls">
        <label className="demo-field">
          <span>{running ? 'Port (empty or 0: keep)' : 'Port (0: any free)'}</span>
          <input
            className="input demo-narrow"
            aria-label="Port"
            placeholder={String(a.defaultPort)}
            inputMode="numeric"
            value={port}
            onChange={(e) => setPort(e.target.value)}
          />
        </label>
        <label className="demo-field">
          <span>Speed (divides delays)</span>
          <input
            className="input demo-narrow"
            aria-label="Speed"
            placeholder="1"
            inputMode="decimal"
            value={speed}
            onChange={(e) => setSpeed(e.target.value)}
          />
        </label>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={start}>
          {running ? 'Restart' : 'Start'}
        </button>
        <button type="button" className="btn" disabled={busy || !running} onClick={stop}>
          Stop
        </button>
      </div>
      {shownError ? (
        <p className="notice notice-error demo-alert" role="alert">
          {shownError}
        </p>
      ) : null}
      {a.card ? <DemoCard card={a.card} /> : null}
      {running && a.url ? (
        <TryIt agentUrl={a.url} receiverUrl={props.receiverUrl} text={TRY_TEXT[a.name]} />
      ) : (
        <p className="muted small">
          Start it to see its card and a ready-to-paste request that sends a webhook to Switchboard.
        </p>
      )}
    </section>
  );
}
