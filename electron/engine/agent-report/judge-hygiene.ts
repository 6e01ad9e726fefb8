// Security hygiene of the tutorial dialect: did the agent validate the webhook endpoint with the
// tutorial's challenge (GET <url>/validate?challenge=..., answered by Switchboard's receiver and
// audited) before sending task data to it? Recommended, not required: only the tutorial's
// enterprise agent does it, before secure tasks.
import type { AgentCheck } from '../../../shared/api/agent-report';
import type { AuditEntry } from '../../../shared/model';
import { row } from './check';
import type { ScenarioResult } from './scenario';

const HEAD = {
  id: 'security.challenge',
  group: 'security',
  title: 'endpoint validated with a challenge',
  required: false,
} as const;

export function judgeChallenge(r: ScenarioResult, audit: AuditEntry[]): AgentCheck | null {
  if (r.spec.dialect !== 'tutorial') return null;
  const challenge = audit.find((a) => a.kind === 'challenge' && a.path === `${r.path}/validate`);
  const first = r.hooks[0];
  if (!challenge)
    return row(HEAD, r.spec.dialect, 'fail', 'no GET …/validate?challenge= before the webhook');
  if (first && challenge.at > first.capture.receivedAt)
    return row(HEAD, r.spec.dialect, 'fail', 'the challenge came after the first webhook', [first]);
  return row(
    HEAD,
    r.spec.dialect,
    'pass',
    `validated ${first ? first.capture.receivedAt - challenge.at : 0} ms before the first webhook (audit #${challenge.id})`,
    first ? [first] : [],
  );
}
