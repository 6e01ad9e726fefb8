// Result types of the agent push report.
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
