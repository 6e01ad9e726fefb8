// Which task controls make sense in a task's last known state, and why not when they do not:
// a finished task has no live stream to resubscribe to and nothing left to cancel.
import { TERMINAL_STATES, type TaskState } from './types';

export interface TaskActionBlocks {
  /** null = allowed; else the reason shown beside the disabled control. */
  resubscribe: string | null;
  cancel: string | null;
}

export function taskActionBlocks(state: TaskState): TaskActionBlocks {
  if (!TERMINAL_STATES.has(state)) return { resubscribe: null, cancel: null };
  return {
    resubscribe: `The task is ${state}: there is no live stream left to resubscribe to (use Get).`,
    cancel: `The task is ${state}: there is nothing left to cancel.`,
  };
}
