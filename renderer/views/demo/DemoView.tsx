// The Demo agents screen (issue 5): the tutorial's two agents (start both, start/stop, URL, open
// in Agents, card, try-it curl), the receiver's response rules to provoke retries, and the live delivery log.
// Registered in views/index.ts as { id: 'demo', label: 'Demo agents', component: DemoView }.
import { useEffect, useState } from 'react';
import { useApp } from '../../state/store';
import { DeliveryLog } from './DeliveryLog';
import { DemoAgentPanel } from './DemoAgentPanel';
import { RulesEditor } from './RulesEditor';

export function DemoView() {
  const s = useApp((x) => x.demo);
  const load = s.load;
  // Loads when the engine connection is open, and again after a reconnect (events sent while
  // disconnected are lost); the slice follows engine events in between.
  const live = useApp((x) => x.connection === 'open');
  const receiverUrl = useApp((x) => x.receiver?.url.replace(/\/$/, '') ?? 'http://127.0.0.1:9000');
  useEffect(() => {
    if (live) void load();
  }, [live, load]);
  const [anyPort, setAnyPort] = useState(false);
  return (
    <div className="demo-page" data-testid="demo-view">
      {s.error ? (
        <p className="notice notice-error demo-alert" role="alert">
          {s.error}
        </p>
      ) : null}
      <div className="demo-toolbar">
        <button
          type="button"
          className="btn btn-primary"
          disabled={s.agents.every((a) => a.status === 'running')}
          onClick={() => void s.startBoth(anyPort)}
        >
          Start both
        </button>
        <label className="small">
          <input type="checkbox" checked={anyPort} onChange={(e) => setAnyPort(e.target.checked)} />{' '}
          on any free ports
        </label>
        <span className="muted small">
          {anyPort
            ? 'each on a free port the system picks'
            : `each on its default port (${s.agents.map((a) => a.defaultPort).join(', ')})`}
        </span>
      </div>
      <div className="demo-agents">
        {s.agents.map((a) => (
          <DemoAgentPanel key={a.name} agent={a} receiverUrl={receiverUrl} onChange={s.putAgent} />
        ))}
      </div>
      <RulesEditor s={s} />
      <DeliveryLog s={s} />
    </div>
  );
}
