// The Demo agents screen (issue 5): the tutorial's two agents (start/stop, URL, card, try-it
// curl), the receiver's response rules to provoke retries, and the live delivery log.
// Registered in views/index.ts as { id: 'demo', label: 'Demo agents', component: DemoView }.
import { DeliveryLog } from './DeliveryLog';
import { DemoAgentPanel } from './DemoAgentPanel';
import { RulesEditor } from './RulesEditor';
import { useDemo } from './use-demo';
import './demo.css';

export function DemoView() {
  const s = useDemo();
  return (
    <div className="demo-page" data-testid="demo-view">
      {s.error ? (
        <p className="notice notice-error demo-alert" role="alert">
          {s.error}
        </p>
      ) : null}
      <div className="demo-agents">
        {s.agents.map((a) => (
          <DemoAgentPanel
            key={a.name}
            agent={a}
            receiverUrl={s.receiverUrl}
            onChange={s.putAgent}
          />
        ))}
      </div>
      <RulesEditor s={s} />
      <DeliveryLog s={s} />
    </div>
  );
}
