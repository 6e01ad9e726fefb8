// Cross-checks the webhooks of a task against its stream: once the stream has shown a terminal
// state, every webhook state must be one the stream went through, and a terminal webhook state
// must equal the stream's. Before the stream ends nothing is flagged (the webhook may simply
// be ahead of a disconnected stream).
import { finding } from './lint';
import type { Finding, TaskState } from './types';
import { TERMINAL_STATES } from './types';

export interface StreamStatePoint {
  state: TaskState;
  frameId: number;
}

export interface WebhookStatePoint {
  captureId: number;
  state: TaskState | undefined;
}

export function lintWebhooks(stream: StreamStatePoint[], webhooks: WebhookStatePoint[]): Finding[] {
  const terminal = [...stream].reverse().find((p) => TERMINAL_STATES.has(p.state));
  if (!terminal) return [];
  const reached = new Set(stream.map((p) => p.state));
  const out: Finding[] = [];
  for (const w of webhooks) {
    if (!w.state || w.state === 'unknown') continue;
    const wrongTerminal = TERMINAL_STATES.has(w.state) && w.state !== terminal.state;
    if (wrongTerminal || !reached.has(w.state)) {
      const f = finding(
        'webhook-state-disagrees',
        terminal.frameId,
        `Webhook #${w.captureId} says ${w.state}; the stream ended ${terminal.state}.`,
      );
      out.push({ ...f, captureId: w.captureId });
    }
  }
  return out;
}
