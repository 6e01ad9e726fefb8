// The tutorial's Long-Running Task Agent (long_running_agent.py). A message containing "quick"
// completes in about 2 s with a `quick_result` artifact; anything else runs 6 steps of 5 s with
// a progress status per step, then a `long_task_result` artifact, then the tutorial webhook if
// the client configured one, then completed. A message containing "input" pauses the task in
// input-required until the next message to it (input-task.ts).
import type { RequestContext } from '@a2a-js/sdk/server';
import type { CardSpec } from './agent-card';
import type { TaskBody } from './demo-executor';
import { pyIsoformat } from './python-time';
import { askForInput, continueWithAnswer, isAnswer, wantsInput } from './input-task';
import type { AgentRuntime } from './runtime';
import { userText, type TaskPublisher } from './task-publisher';
import { tutorialPushOf } from './tutorial-push';
import { sendTutorialWebhook } from './webhook-sender';

export const LONG_RUNNING_CARD: CardSpec = {
  name: 'Long-Running Task Agent',
  description: 'Demonstrates A2A push notifications for long-running tasks',
  version: '1.0.0',
  skills: [
    {
      id: 'long_running_task',
      name: 'Long-running task',
      description:
        'Runs a 30-second task in 6 steps and notifies the configured webhook when done; ' +
        'a message containing "quick" completes in about 2 seconds instead, and one containing ' +
        '"input" asks a question and waits for the answer (input-required).',
      examples: ['Process this quickly', 'Run a long machine learning task', 'Ask me for input'],
    },
  ],
};

export const TOTAL_STEPS = 6;

export function hasWebhook(rc: RequestContext): boolean {
  return Boolean(
    tutorialPushOf(rc.context) ?? rc.request.configuration?.taskPushNotificationConfig?.url,
  );
}

async function quickTask(rt: AgentRuntime, t: TaskPublisher, input: string): Promise<void> {
  t.working('⚡ Processing quick task...');
  await rt.clock.sleep(2000, t.signal);
  const result = `✅ Quick task completed: '${input}'\n\nCompleted at: ${pyIsoformat()}`;
  t.artifact('quick_result', result);
  t.complete();
}

async function longTask(
  rt: AgentRuntime,
  t: TaskPublisher,
  rc: RequestContext,
  input: string,
): Promise<void> {
  t.working('🚀 Starting long-running task (30 seconds simulated)...');
  for (let i = 0; i < TOTAL_STEPS; i++) {
    await rt.clock.sleep(5000, t.signal);
    const progress = Math.round(((i + 1) / TOTAL_STEPS) * 100);
    t.working(`⚙️ Processing step ${i + 1}/${TOTAL_STEPS} (${progress}% complete)`);
  }
  const result =
    `✅ Long-running task completed!\n\n` +
    `Input: '${input}'\n` +
    `Duration: 30 seconds\n` +
    `Steps processed: ${TOTAL_STEPS}\n` +
    `Completed at: ${pyIsoformat()}`;
  t.artifact('long_task_result', result);
  const config = tutorialPushOf(rc.context);
  // A failed webhook does not fail the task (the tutorial logs it and completes); the
  // delivery log shows every attempt.
  if (config) await sendTutorialWebhook(rt, { config, taskId: t.taskId, result });
  t.complete();
}

export function longRunningTask(rt: AgentRuntime): TaskBody {
  return async (t, rc) => {
    const input = userText(rc);
    if (isAnswer(rc)) return continueWithAnswer(rt, t, input);
    if (hasWebhook(rc)) t.working('📡 Webhook configured - you can disconnect safely!');
    if (wantsInput(input)) await askForInput(rt, t);
    else if (input.toLowerCase().includes('quick')) await quickTask(rt, t, input);
    else await longTask(rt, t, rc, input);
  };
}
