// Markdown rendering of an agent push report (the JSON export is the report object itself),
// with the handler report's table helpers. Only our own labels, verdicts and numbers, plus the
// agent URL and error texts escaped as cells.
import type { AgentReport } from '../../../shared/api/agent-report';
import { cell, markdownTable } from '../replay/report-format';

const MARK = { pass: 'pass', fail: 'FAIL', 'n/a': 'n/a' } as const;

export function agentReportMarkdown(r: Omit<AgentReport, 'markdown'>): string {
  const failed = r.checks.filter((c) => c.status === 'fail');
  const lines = [
    `# Agent push report: ${cell(r.agentUrl)}`,
    '',
    `${new Date(r.createdAt).toISOString()}, ${Math.round(r.durationMs)} ms, dialects: ${r.dialects.join(', ') || 'none'}. ` +
      (r.failedRequired > 0
        ? `**${r.failedRequired} required check(s) failed.**`
        : failed.length
          ? `All required checks pass (${failed.length} recommended check(s) failed).`
          : 'All checks pass.'),
    '',
    ...markdownTable(
      ['check', 'dialect', 'required', 'result', 'why', 'captures', 'timings (ms)'],
      r.checks.map((c) => [
        `${c.id} (${c.title})`,
        c.dialect,
        c.required ? 'yes' : 'no',
        MARK[c.status],
        c.why,
        c.captureIds.map((id) => `#${id}`).join(' '),
        c.timingsMs.join(', '),
      ]),
    ),
  ];
  return lines.join('\n') + '\n';
}
