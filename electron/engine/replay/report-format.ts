// Markdown rendering of a handler report (the JSON export is the report object itself).
// Agent-controlled text never reaches this table: only our own labels, statuses and the URL.
import type { HandlerReport } from '../../../shared/api/replay';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

export function reportMarkdown(r: Omit<HandlerReport, 'markdown'>): string {
  const lines = [
    `# Handler report: ${cell(r.targetUrl)}`,
    '',
    `Capture #${r.captureId}, ${new Date(r.createdAt).toISOString()}. ` +
      (r.vulnerable > 0
        ? `**${r.vulnerable} attack(s) accepted: VULNERABLE.**`
        : 'No attack was accepted.'),
    '',
  ];
  if (r.validRejected) {
    lines.push(
      '> The valid re-signed delivery was refused: the handler and Switchboard do not share',
    );
    lines.push(
      '> the same secrets, so refused attacks prove little. Fix the secrets and run again.',
      '',
    );
  }
  lines.push('| check | what was sent | expected | actual status | verdict | why |');
  lines.push('|---|---|---|---|---|---|');
  for (const row of r.rows) {
    const statuses = row.statuses.length
      ? row.statuses.map((s) => (s === null ? 'none' : String(s))).join(', ')
      : '-';
    lines.push(
      `| ${row.check} | ${cell(row.description)} | ${row.expected} | ${statuses} | ${row.verdict} | ${cell(row.reason)} |`,
    );
  }
  return lines.join('\n') + '\n';
}
