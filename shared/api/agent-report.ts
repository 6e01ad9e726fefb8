// The agent push report: the mirror image of the handler report. For an agent URL, Switchboard
// runs push scenarios against its own receiver (with response rules for failures) and judges
// the agent's webhook delivery: delivery, authentication, retries, robustness, disconnect.
import { z } from 'zod';
import { op } from './define';
export * from '../model/agent-report';
import type { AgentReport } from '../model/agent-report';

export const agentReportArgs = z.object({
  url: z.url(),
  /** The message that starts each scenario's task (default depends on the dialect). */
  message: z.string().min(1).max(2000).optional(),
  /** The agent's clock runs this many times faster (the demo agents' --speed): expected waits
   *  (Retry-After, slow receiver) are divided by it. */
  timeScale: z.number().min(1).max(10_000).default(1),
  /** How long one scenario may take before its missing webhooks count as not delivered. */
  scenarioTimeoutMs: z.number().int().min(500).max(600_000).default(60_000),
});
export type AgentReportArgs = z.infer<typeof agentReportArgs>;

export const agentReportOps = {
  agentReport: op<AgentReport>()({
    verb: 'POST',
    path: '/api/agent-report',
    args: agentReportArgs,
  }),
};
