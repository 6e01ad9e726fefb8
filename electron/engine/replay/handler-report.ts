// Handler report: against one target, send a valid re-signed delivery (the baseline) and every
// attack preset, each on its own freshly signed delivery, then judge each row (report-judge.ts):
// secure means the baseline was accepted and the attack refused (a reused/duplicated delivery
// accepted at most once).
import { randomUUID } from 'node:crypto';
import { ATTACKS, type HandlerReport, type HandlerReportRow } from '../../../shared/api/replay';
import { freshClock } from './attacks';
import { judge } from './report-judge';
import { prepareResigned } from './prepare';
import { planFor, runPlan } from './replay-one';
import type { ReplayService, TargetArgs } from './replay-service';
import { reportMarkdown } from './report-format';

export interface ReportArgs extends TargetArgs {
  targetUrl: string;
  captureId: number;
  duplicates: number;
}

export async function runHandlerReport(
  svc: ReplayService,
  args: ReportArgs,
): Promise<HandlerReport> {
  const capture = svc.load(args.captureId);
  const url = svc.target(capture, args);
  svc.remember(url);
  const groupId = `report-${randomUUID()}`;
  const rows: HandlerReportRow[] = [];

  const stamp = freshClock(svc.now());
  const valid = prepareResigned(capture.detail, capture.body, svc.keys(), stamp());
  const v = await svc.send(args.captureId, url, valid, args, {
    mode: 'resigned',
    attack: null,
    groupId,
  });
  rows.push(
    judge(
      'valid-resigned',
      'valid delivery, freshly re-signed',
      'accept',
      [v.status],
      [v.replayId],
      v.error,
      null,
    ),
  );
  const baseline = rows[0]?.verdict === 'ok';

  for (const attack of ATTACKS) {
    const plan = planFor(svc, capture, attack, args.duplicates, stamp);
    if (plan.skipped) {
      rows.push({
        check: attack,
        description: plan.description,
        expected: plan.expected,
        statuses: [],
        verdict: 'skipped',
        reason: plan.skipped,
        replayIds: [],
      });
      continue;
    }
    const results = await runPlan(svc, plan, url, args, groupId);
    const error = results.find((r) => r.error)?.error ?? null;
    rows.push(
      judge(
        attack,
        plan.description,
        plan.expected,
        results.map((r) => r.status),
        results.map((r) => r.replayId),
        error,
        baseline,
        plan.concurrent,
      ),
    );
  }

  const vulnerable = rows.filter((r) => r.verdict === 'VULNERABLE').length;
  const validRejected = rows[0]?.verdict === 'broken';
  const base = {
    targetUrl: url.href,
    captureId: args.captureId,
    createdAt: svc.now(),
    rows,
    vulnerable,
    validRejected,
  };
  const draft = { ...base, reportId: 0, markdown: '' };
  const reportId = svc.deps.replays.saveReport({ ...draft, markdown: reportMarkdown(draft) });
  const report = { ...base, reportId, markdown: '' };
  return { ...report, markdown: reportMarkdown(report) };
}
