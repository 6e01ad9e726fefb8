// What the Agents screen says about this machine: the receiver's URL (default push target) and
// the demo agents running now (their real URLs, for the hints and the default agent URL). Both
// come from the store (settings and demo slices, kept current by 'receiver' and 'demo-agent'
// events); the demo agent list is loaded once when the screen opens.
import { useEffect, useMemo } from 'react';
import { useApp } from '../../state/store';

export function useLocalEndpoints() {
  const receiverUrl = useApp((s) => s.receiver?.url.replace(/\/$/, '') ?? null);
  const demo = useApp((s) => s.demo.agents);
  const loadAgents = useApp((s) => s.demo.loadAgents);
  useEffect(() => {
    void loadAgents();
  }, [loadAgents]);
  const running = useMemo(() => demo.filter((a) => a.status === 'running' && a.url), [demo]);
  return { receiverUrl, running };
}
