// Runs the agent push report: finds or adds the agent, picks the dialects it supports (its
// default, plus the standard one when the card also offers the tutorial extension), installs
// one response rule per failure scenario on a path of its own, starts every scenario's task
// (switching the agent's push dialect between sends), collects them in parallel, restores the
// agent's dialect and the rules, and judges.
import { randomBytes } from 'node:crypto';
import type { AgentReport, AgentReportArgs } from '../../../shared/api/agent-report';
import type { PushDialect } from '../../../shared/a2a/types';
import { ApiError } from '../../../shared/api/define';
import { responseRuleInput } from '../../../shared/api/captures';
import { startFlakyFront, type FlakyFront } from './flaky-front';
import { judgeAuth } from './judge-auth';
import { judgeChallenge, judgeUrlPolicy } from './judge-hygiene';
import { judgeDelivery } from './judge-delivery';
import { judgeTransport } from './judge-transport';
import { judgeFailure } from './judge-failures';
import { agentReportMarkdown } from './report-markdown';
import {
  collectScenario,
  ruleFor,
  startScenario,
  type ReportHandlers,
  type ScenarioResult,
  type ScenarioSpec,
} from './scenario';
import { deliverySpec, failureSpecs, transportSpec, waitsFor } from './scenarios';
import type { Transport } from '../../../shared/a2a/transports';

const TUTORIAL_MESSAGE = 'Run a long secure task';
const STANDARD_MESSAGE = 'Run a quick task';

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

export async function runAgentReport(
  h: ReportHandlers,
  args: AgentReportArgs,
): Promise<AgentReport> {
  const createdAt = Date.now();
  const agent =
    (await h.listAgents({})).find((a) => sameUrl(a.baseUrl, args.url)) ??
    (await h.addAgent({ url: args.url }));
  if (!agent.summary.capabilities.pushNotifications) {
    throw new ApiError(
      409,
      'no_push',
      `${args.url} says in its card that it does not push notifications (capabilities.pushNotifications is false).`,
    );
  }
  const primary = agent.pushDialect;
  const standard: PushDialect = agent.protocolVersion === '1.0' ? 'v1.0' : 'v0.3';
  const dialects: PushDialect[] = primary === 'tutorial' ? ['tutorial', standard] : [primary];
  const w = waitsFor(args.timeScale);
  // Every other transport the card offers drives one more delivery scenario, in the standard
  // dialect (the tutorial's push config fits only JSON-RPC); gRPC is spoken in v1.0 only.
  const others = agent.transports
    .map((o) => o.transport)
    .filter((t) => t !== agent.transport && (t !== 'GRPC' || agent.protocolVersion === '1.0'));
  const specs: ScenarioSpec[] = [
    ...dialects.map((d) => deliverySpec(d, w)),
    ...failureSpecs(primary, w),
    ...others.map((t) => transportSpec(standard, t, w)),
  ];
  const runId = randomBytes(4).toString('hex');
  const ours = specs.map((s) => ruleFor(runId, s)).filter((r) => r !== null);
  const before = await h.listResponseRules({});
  // Ours first: each matches only its own path, so the user's rules still apply elsewhere.
  await h.setResponseRules({ rules: [...ours, ...before].map((r) => responseRuleInput.parse(r)) });
  const results: Promise<ScenarioResult>[] = [];
  const fronts: FlakyFront[] = [];
  try {
    let current = primary;
    let over: Transport = agent.transport;
    for (const spec of specs) {
      if (current !== spec.dialect) {
        await h.updateAgent({ id: agent.id, pushDialect: spec.dialect });
        current = spec.dialect;
      }
      if (over !== (spec.transport ?? agent.transport)) {
        over = spec.transport ?? agent.transport;
        await h.updateAgent({ id: agent.id, transport: spec.transport ?? agent.transportOverride });
      }
      const message =
        args.message ?? (spec.dialect === 'tutorial' ? TUTORIAL_MESSAGE : STANDARD_MESSAGE);
      const front = spec.dropConnections
        ? await startFlakyFront((await h.receiverInfo({})).url, spec.dropConnections)
        : null;
      if (front) fronts.push(front);
      const started = await startScenario(h, agent.id, runId, spec, message, front?.url);
      results.push(collectScenario(h, runId, spec, started, args.scenarioTimeoutMs));
    }
  } finally {
    // The user's own choices (null = detected) come back whatever happened: the transport
    // first (the tutorial dialect is refused over HTTP+JSON and gRPC).
    await h.updateAgent({ id: agent.id, transport: agent.transportOverride });
    await h.updateAgent({ id: agent.id, pushDialect: agent.pushDialectOverride });
  }
  let done: ScenarioResult[];
  try {
    done = await Promise.all(results);
  } finally {
    await Promise.all(fronts.map((f) => f.close()));
    const mine = new Set(ours.map((r) => r.id));
    const now = await h.listResponseRules({});
    await h.setResponseRules({
      rules: now.filter((r) => !mine.has(r.id)).map((r) => responseRuleInput.parse(r)),
    });
  }
  const jtis = new Set<string>();
  const audit = (await h.listAudit({ limit: 1000 })).items;
  const receiverUrl = (await h.receiverInfo({})).url;
  const checks = done.flatMap((r) =>
    r.spec.transport
      ? [judgeTransport(r)].filter((c) => c !== null)
      : r.spec.name === 'delivery'
        ? [
            ...judgeDelivery(r),
            ...judgeAuth(r, jtis),
            judgeChallenge(r, audit),
            r.spec.dialect === primary ? judgeUrlPolicy(r, args.url, receiverUrl + r.path) : null,
          ].filter((c) => c !== null)
        : judgeFailure(r, w, args.timeScale),
  );
  const base = {
    agentUrl: args.url,
    agentId: agent.id,
    createdAt,
    durationMs: Date.now() - createdAt,
    dialects,
    checks,
    failedRequired: checks.filter((c) => c.required && c.status === 'fail').length,
  };
  return { ...base, markdown: agentReportMarkdown(base) };
}
