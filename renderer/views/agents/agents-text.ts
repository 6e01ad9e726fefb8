// Pure wording of the Agents screen: the hint naming the demo agents' real URLs, and a push
// token shown masked.
import type { DemoAgentInfo } from '../../../shared/api/demo';

/** The hint under the add form: the demo agents' actual URLs, or how to start them. */
export function demoHint(running: Pick<DemoAgentInfo, 'title' | 'url'>[]): string {
  if (running.length === 0)
    return 'No demo agent is running: start them on the Demo agents screen, or add any agent by its base URL.';
  return `Demo agents running: ${running.map((a) => `${a.title} at ${a.url ?? '?'}`).join(', ')}.`;
}

/** Why masked: the token authenticates this task's webhooks; only its end is shown. */
export function maskToken(token: string): string {
  return token.length <= 8 ? '••••' : `••••${token.slice(-4)}`;
}
