// createAgentReportHandlers(handlers): the agentReport operation. The report is a client of the
// engine's own API (add agent, send with push, captures, response rules), so it exercises
// exactly what a user would.
import type { HandlersOf } from '../../../shared/api/define';
import type { agentReportOps } from '../../../shared/api/agent-report';
import { runAgentReport } from './run-report';
import type { ReportHandlers } from './scenario';

export function createAgentReportHandlers(
  api: () => ReportHandlers,
): HandlersOf<typeof agentReportOps> {
  return { agentReport: (args) => runAgentReport(api(), args) };
}
