// Pure wording of the Agents screen: the hint naming the demo agents' real URLs.
import type { DemoAgentInfo } from '../../../shared/api/demo';

/** The hint under the add form: the demo agents' actual URLs, or how to start them. */
export function demoHint(running: Pick<DemoAgentInfo, 'title' | 'url'>[]): string {
  if (running.length === 0)
    return 'No demo agent is running: start them on the Demo agents screen, or add any agent by its base URL.';
  return `Demo agents running: ${running.map((a) => `${a.title} at ${a.url ?? '?'}`).join(', ')}.`;
}
