// Task state from webhooks: a *verified* webhook (verdict valid) for a task Switchboard knows
// moves the task's state, newest first, like a stream event would. When that state is terminal
// and no stream is open, the task is fetched once (tasks/get, on the timeline with a note), so
// its artifacts show without the user pressing Get: the tutorial's "validate the signature,
// then fetch the results", done for the user. The fetch waits for a webhook the receiver
// acknowledged (2xx: the sender stops retrying, and the tutorial's agents complete the task
// right after it); an answer still not terminal (that race) is asked again once, a moment later.
// Why only valid: an unverified or forged webhook must never change what the user sees as the
// task's state (anyone on the machine can POST to the receiver).
// Webhooks can reach the receiver before the agent's answer names their task (the agent's push
// sender runs beside the answer): once the task is known, `catchUp` follows those, in order.
import { normalizeWebhook } from '../../../shared/a2a/normalize';
import { TERMINAL_STATES } from '../../../shared/a2a/types';
import type { A2aTasksRepo, TaskRow } from '../store/a2a-tasks-repo';
import type { CapturesRepo, WebhookRow } from '../store/captures-repo';
import type { TaskRecorder } from './task-record';

export const AUTO_FETCH_NOTE = 'tasks/get after webhook';
const SECOND_LOOK_MS = 1000;

export interface WebhookFollowDeps {
  tasks: A2aTasksRepo;
  captures: CapturesRepo;
  recorder: TaskRecorder;
  isStreaming(taskId: string): boolean;
  emitTask(taskId: string): void;
  log?(line: string): void;
}

export function createWebhookFollow(d: WebhookFollowDeps) {
  const fetched = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  const inFlight = new Set<Promise<unknown>>();

  /** A webhook stored for `task` (known to Switchboard), with its stored row. */
  const onCapture = (task: TaskRow, row: WebhookRow): void => {
    if (row.verdict !== 'valid' || row.source !== 'receiver') return;
    const { taskId } = task;
    let body: unknown = null;
    try {
      body = JSON.parse(row.body.toString('utf8'));
    } catch {
      return; // not JSON: nothing to learn about the state
    }
    const n = normalizeWebhook(body);
    if (!n.state || n.state === 'unknown') return;
    // A late retry of an older notification never takes a finished task back.
    if (TERMINAL_STATES.has(task.state) && !TERMINAL_STATES.has(n.state)) return;
    d.tasks.setState(taskId, n.state, n.text, n.contextId);
    d.emitTask(taskId);
    const status = row.responseStatus;
    const acknowledged = status !== null && status >= 200 && status < 300;
    if (!TERMINAL_STATES.has(n.state) || !acknowledged) return;
    if (d.isStreaming(taskId) || fetched.has(taskId)) return;
    fetched.add(taskId);
    fetchFor(taskId, true);
  };

  const fetchFor = (taskId: string, first: boolean): void => {
    const work = d.recorder.fetchTask(taskId, AUTO_FETCH_NOTE).then(
      ({ state }) => {
        if (!first || stopped || (state && TERMINAL_STATES.has(state))) return;
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!stopped) fetchFor(taskId, false);
        }, SECOND_LOOK_MS);
        timers.add(timer);
      },
      (err: Error) => d.log?.(`tasks/get after webhook for ${taskId} failed: ${err.message}`),
    );
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  /** The task just became known: the webhooks stored for it before, oldest first. */
  const catchUp = (taskId: string): void => {
    for (const row of d.captures.webhooksOfTask(taskId)) {
      const task = d.tasks.get(taskId); // each webhook may have moved its state
      if (task) onCapture(task, row);
    }
  };

  return {
    onCapture,
    catchUp,
    /** Waits for fetches under way (engine stop). */
    async drain(): Promise<void> {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...inFlight]);
    },
  };
}
