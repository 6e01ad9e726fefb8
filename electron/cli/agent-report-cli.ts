// `switchboard agent-report <url>`: runs the agent push report against an agent with a
// headless engine (its receiver on a free port, a throwaway data dir unless --data-dir keeps the
// evidence) and prints Markdown or JSON. Exit code 1 when a required check failed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { agentReportArgs } from '../../shared/api/agent-report';
import { ApiError } from '../../shared/api/define';
import { createEngine } from '../engine/engine';
import { parsePort } from '../engine/parse-port';
import { asUsage, EXIT, FORMATS, oneOf, parseCommand, UsageError, wholeNumber } from './args';

export const AGENT_REPORT_USAGE = `usage: switchboard agent-report <agent-url> [--format markdown|json] [--out FILE]
                          [--message TEXT] [--time-scale N] [--scenario-timeout S]
                          [--receiver-port P] [--data-dir D]
  --time-scale N        the agent's clock runs N times faster (demo agents' --speed)
  --scenario-timeout S  seconds one scenario may take (default 60)
  --data-dir D          keep the captures (default: a temporary directory, removed after)
  exit code 1 when a required check failed`;

const OPTIONS = {
  format: { type: 'string', default: 'markdown' },
  out: { type: 'string' },
  message: { type: 'string' },
  'time-scale': { type: 'string', default: '1' },
  'scenario-timeout': { type: 'string', default: '60' },
  'receiver-port': { type: 'string', default: '0' },
  'data-dir': { type: 'string' },
} as const;

export async function runAgentReportCli(
  argv: string[],
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const { values, positionals } = parseCommand(argv, OPTIONS, AGENT_REPORT_USAGE, 1);
  const format = oneOf(values.format, FORMATS, '--format', AGENT_REPORT_USAGE);
  const port = asUsage(
    () => parsePort(values['receiver-port'], '--receiver-port'),
    AGENT_REPORT_USAGE,
  );
  const parsed = agentReportArgs.safeParse({
    url: positionals[0],
    ...(values.message !== undefined ? { message: values.message } : {}),
    timeScale: Number(values['time-scale']),
    scenarioTimeoutMs:
      wholeNumber(values['scenario-timeout'], '--scenario-timeout', 1, AGENT_REPORT_USAGE) * 1000,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(
      positionals[0]
        ? `${issue?.path.join('.') || 'argument'}: ${issue?.message}`
        : 'give the agent URL',
      AGENT_REPORT_USAGE,
    );
  }
  const temp = values['data-dir'] ? null : mkdtempSync(join(tmpdir(), 'switchboard-report-'));
  const dataDir = resolve(values['data-dir'] ?? temp!);
  const engine = createEngine({ dataDir, receiverPort: port });
  try {
    await engine.start();
    const report = await engine.handlers.agentReport(parsed.data);
    const text = format === 'json' ? JSON.stringify(report, null, 2) : report.markdown;
    if (values.out) writeFileSync(values.out, text);
    else out(text);
    err(
      report.failedRequired > 0
        ? `agent-report: ${report.failedRequired} required check(s) failed`
        : 'agent-report: every required check passed',
    );
    return report.failedRequired > 0 ? EXIT.failed : EXIT.ok;
  } catch (e) {
    if (e instanceof ApiError) {
      err(`switchboard: ${e.message}`);
      return EXIT.failed;
    }
    throw e;
  } finally {
    await engine.stop();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
