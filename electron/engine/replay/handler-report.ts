// Handler report: against one target, send a valid re-signed delivery and every attack preset,
// then judge each row: a handler is secure when it accepts the valid delivery and refuses
// (non-2xx) every attack (accepting a reused/duplicated delivery at most once).
import { randomUUID } from 'node:crypto';
import {
  ATTACKS,
  type Expectation,
  type HandlerReport,
  type HandlerReportRow,
  type ReportVerdict,
} from '../../../shared/api/replay';
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

  const valid = await prepareResigned(capture.detail, capture.body, svc.keys(), svc.now());
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
    ),
  );

  for (const attack of ATTACKS) {
    const plan = await planFor(svc, capture, attack, args.duplicates);
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

const accepted = (s: number | null) => s !== null && s >= 200 && s < 300;

export function judge(
  check: HandlerReportRow['check'],
  description: string,
  expected: Expectation,
  statuses: (number | null)[],
  replayIds: number[],
  error: string | null,
): HandlerReportRow {
  const row = (verdict: ReportVerdict, reason: string): HandlerReportRow => ({
    check,
    description,
    expected,
    statuses,
    verdict,
    reason,
    replayIds,
  });
  if (statuses.some((s) => s === null)) return row('error', error ?? 'no response');
  const ok = statuses.filter(accepted).length;
  switch (expected) {
    case 'accept':
      return ok === statuses.length
        ? row('secure', 'accepted')
        : row('broken', `a valid delivery was refused (${statuses.join(', ')}): check the secrets`);
    case 'reject':
      return ok === 0
        ? row('secure', 'refused')
        : row('VULNERABLE', 'accepted although it must be refused');
    case 'accept-once':
      if (ok === 1 && accepted(statuses[0] ?? null))
        return row('secure', 'first accepted, repeats refused');
      if (ok > 1) return row('VULNERABLE', `accepted ${ok} times (no replay/duplicate detection)`);
      return row('broken', 'the first delivery was refused: check the secrets');
  }
}
