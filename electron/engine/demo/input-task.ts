// The demo's input-required scenario (not in the tutorial): a message containing "input" asks a
// question and pauses the task in `input-required`; the next message sent to the same task id
// is the answer, and the task completes with an `input_result` artifact.
import { TaskState } from '@a2a-js/sdk';
import type { RequestContext } from '@a2a-js/sdk/server';
import type { AgentRuntime } from './runtime';
import type { TaskPublisher } from './task-publisher';

export const INPUT_QUESTION = '❓ Which dataset should I use? Reply in this task (same task id).';

export function wantsInput(input: string): boolean {
  return /\binput\b/i.test(input);
}

/** True when this message answers a task paused in input-required. */
export function isAnswer(rc: RequestContext): boolean {
  return rc.task?.status?.state === TaskState.TASK_STATE_INPUT_REQUIRED;
}

export async function askForInput(rt: AgentRuntime, t: TaskPublisher): Promise<void> {
  t.working('🤔 Preparing the task...');
  await rt.clock.sleep(500, t.signal);
  t.status(TaskState.TASK_STATE_INPUT_REQUIRED, INPUT_QUESTION);
}

export async function continueWithAnswer(
  rt: AgentRuntime,
  t: TaskPublisher,
  answer: string,
): Promise<void> {
  t.working(`📥 Got it: '${answer}'. Processing...`);
  await rt.clock.sleep(1000, t.signal);
  t.artifact('input_result', `✅ Processed with the dataset you chose: '${answer}'`);
  t.complete();
}
