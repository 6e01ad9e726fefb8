// Small pieces every agent-report judge uses: building a check row, and facts about the hooks
// of a scenario (attempts of one delivery share the same body bytes).
import type {
  AgentCheck,
  AgentCheckGroup,
  AgentCheckStatus,
} from '../../../shared/api/agent-report';
import type { PushDialect } from '../../../shared/a2a/types';
import { TERMINAL_STATES } from '../../../shared/a2a/types';
import type { Hook, ScenarioResult } from './scenario';

export interface CheckHead {
  id: string;
  group: AgentCheckGroup;
  title: string;
  required: boolean;
}

export function row(
  head: CheckHead,
  dialect: PushDialect,
  status: AgentCheckStatus,
  why: string,
  hooks: Hook[] = [],
  timingsMs: number[] = [],
): AgentCheck {
  return {
    ...head,
    dialect,
    status,
    why,
    captureIds: hooks.map((h) => h.capture.id),
    timingsMs: timingsMs.map((t) => Math.round(t)),
  };
}

export const ok2xx = (h: Hook) =>
  h.capture.responseStatus !== null &&
  h.capture.responseStatus >= 200 &&
  h.capture.responseStatus < 300;

export const terminalHooks = (hooks: Hook[]) =>
  hooks.filter((h) => h.state !== undefined && TERMINAL_STATES.has(h.state));

/** Attempts of each delivery (same body bytes), in arrival order. */
export function attemptsByBody(hooks: Hook[]): Hook[][] {
  const groups = new Map<string, Hook[]>();
  for (const h of hooks) {
    const g = groups.get(h.bodyHash) ?? [];
    g.push(h);
    groups.set(h.bodyHash, g);
  }
  return [...groups.values()];
}

export const gaps = (attempts: Hook[]) =>
  attempts.slice(1).map((h, i) => h.capture.receivedAt - attempts[i]!.capture.receivedAt);

/** Why a scenario produced nothing to judge, or null when it did. */
export function notStarted(r: ScenarioResult): string | null {
  if (r.error) return `the task could not be started: ${r.error}`;
  if (!r.hooks.length)
    return `no webhook arrived within ${Math.round((Date.now() - r.startedAt) / 1000)} s`;
  return null;
}

export const ids = (hooks: Hook[]) => hooks.map((h) => `#${h.capture.id}`).join(', ');
