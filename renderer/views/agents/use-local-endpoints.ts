// What the Agents screen says about this machine: the receiver's URL (default push target) and
// the demo agents running now (their real URLs, for the hints and the default agent URL).
// Loaded once, then kept current from 'receiver' and 'demo-agent' events.
import { useEffect, useState } from 'react';
import type { SwitchboardApi } from '../../../shared/api';
import type { DemoAgentInfo } from '../../../shared/api/demo';
import { onEngineBatch } from '../../state/store';

export function useLocalEndpoints(api: SwitchboardApi) {
  const [receiverUrl, setReceiverUrl] = useState<string | null>(null);
  const [demo, setDemo] = useState<DemoAgentInfo[]>([]);
  useEffect(() => {
    let stale = false;
    api.receiverInfo({}).then(
      (r) => !stale && setReceiverUrl(r.url.replace(/\/$/, '')),
      () => undefined, // the hint falls back to the plain word "receiver"
    );
    api.listDemoAgents({}).then(
      (list) => !stale && setDemo(list),
      () => undefined, // no hint about demo agents then
    );
    const off = onEngineBatch((batch) => {
      for (const e of batch) {
        if (e.type === 'receiver') setReceiverUrl(e.receiver.url.replace(/\/$/, ''));
        else if (e.type === 'demo-agent')
          setDemo((list) => {
            const rest = list.filter((a) => a.name !== e.agent.name);
            return [...rest, e.agent].sort((a, b) => a.name.localeCompare(b.name));
          });
      }
    });
    return () => {
      stale = true;
      off();
    };
  }, [api]);
  const running = demo.filter((a) => a.status === 'running' && a.url);
  return { receiverUrl, running };
}
