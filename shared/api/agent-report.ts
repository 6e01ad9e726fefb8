// The agent push report: the mirror image of the handler report. For an agent URL, Switchboard
// runs push scenarios against its own receiver (with response rules for failures) and judges
// the agent's webhook delivery: delivery, authentication, retries, robustness, disconnect.
import { z } from 'zod';
import { op } from './define';
import type { PushDialect } from '../a2a/types';

export type AgentCheckStatus = 'pass' | 'fail' | 'n/a';
export type AgentCheckGroup =
  | 'delivery'
  | 'authentication'
  | 'retries'
  | 'robustness'
  | 'security'
  | 'disconnect';

export interface AgentCheck {
  /** Stable id, e.g. "delivery.terminal". */
  id: string;
  group: AgentCheckGroup;
  /** The push dialect the scenario used. */
  dialect: PushDialect;
  title: string;
  /** A failed required check makes the report fail (CLI exit code 1). */
  required: boolean;
  status: AgentCheckStatus;
  /** Why, in words the agent's developer can act on. */
  why: string;
  /** Evidence: the captures the judgement rests on. */
  captureIds: number[];
  /** Evidence: waits between attempts or other timings, in ms. */
  timingsMs: number[];
}

export interface AgentReport {
  agentUrl: string;
  agentId: number;
  createdAt: number;
  durationMs: number;
  dialects: PushDialect[];
  checks: AgentCheck[];
  /** Required checks that failed (0 = the agent passes). */
  failedRequired: number;
  markdown: string;
}

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
