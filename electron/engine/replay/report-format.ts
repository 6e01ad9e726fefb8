// Markdown rendering of a handler report (the JSON export is the report object itself), and the
// table helpers the agent report shares. Agent-controlled text never reaches these tables: only
// our own labels, statuses and the URL (escaped as a cell).
import type { HandlerReport } from '../../../shared/api/replay';

/** One Markdown table cell: pipes escaped, line breaks flattened. */
export const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A Markdown table: header row, separator, one line per row (cells escaped). */
export function markdownTable(headers: string[], rows: string[][]): string[] {
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

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
  lines.push(
    ...markdownTable(
      ['check', 'what was sent', 'expected', 'actual status', 'verdict', 'why'],
      r.rows.map((row) => [
        row.check,
        row.description,
        row.expected,
        row.statuses.length
          ? row.statuses.map((s) => (s === null ? 'none' : String(s))).join(', ')
          : '-',
        row.verdict,
        row.reason,
      ]),
    ),
  );
  return lines.join('\n') + '\n';
}
