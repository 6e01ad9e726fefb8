// Security hygiene, recommended checks (not required):
// - the push URL policy: an agent deployed on a public HTTPS address should refuse plain-HTTP
//   and private push URLs (an SSRF guard). Its card's address says where it runs: a local or
//   private agent is expected to push to a local receiver, so the check does not apply there.
// - the tutorial dialect's challenge: did the agent validate the webhook endpoint
//   (GET <url>/validate?challenge=..., answered by Switchboard's receiver and audited) before
//   sending task data to it? Only the tutorial's enterprise agent does it, before secure tasks.
import type { AgentCheck } from '../../../shared/api/agent-report';
import type { AuditEntry } from '../../../shared/model';
import { urlScope } from '../../../shared/host-scope';
import { row } from './check';
import type { ScenarioResult } from './scenario';

const URL_POLICY = {
  id: 'security.push-url-policy',
  group: 'security',
  title: 'plain-HTTP and private push URLs refused',
  required: false,
} as const;

/** `agentUrl`: the agent's card address; `pushUrl`: the receiver URL the scenario gave it. */
export function judgeUrlPolicy(r: ScenarioResult, agentUrl: string, pushUrl: string): AgentCheck {
  const d = r.spec.dialect;
  const scope = urlScope(agentUrl);
  if (!agentUrl.startsWith('https:') || scope !== 'public')
    return row(
      URL_POLICY,
      d,
      'n/a',
      `the agent runs at ${agentUrl}, a ${scope === 'public' ? 'plain-HTTP' : `${scope ?? 'unknown'}`} address: pushing to a local receiver is expected there. Deployed on public HTTPS, it should refuse push URLs like ${pushUrl}.`,
    );
  if (r.hooks.length)
    return row(
      URL_POLICY,
      d,
      'fail',
      `the agent, on public HTTPS, accepted the ${urlScope(pushUrl) ?? 'unknown'} plain-HTTP push URL ${pushUrl} and posted task data to it: refuse non-HTTPS and private push URLs (SSRF).`,
      r.hooks.slice(0, 1),
    );
  if (r.error) return row(URL_POLICY, d, 'pass', `the push URL ${pushUrl} was refused: ${r.error}`);
  return row(URL_POLICY, d, 'n/a', 'no webhook arrived and no refusal came: nothing to judge');
}

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
