// Errors of task operations that name the real cause. JSON-RPC codes are overloaded in the
// wild: the SDKs answer -32004 "unsupported operation" to a resubscribe on a finished task, and
// -32001 "task not found" for a push config that does not exist on a task that does. The
// agent's own text and the task's last known state tell them apart.
import { ApiError } from '../../../shared/api';
import { TERMINAL_STATES, type TaskState } from '../../../shared/a2a/types';
import { RpcError } from './rpc-client';

const FINISHED_TEXT =
  /terminal|finished|final state|already (completed|canceled|failed)|cannot be subscribed/i;

function said(err: RpcError): string {
  return `The agent said: "${err.rpcMessage}" (JSON-RPC ${err.rpcCode}).`;
}

/** Resubscribe / cancel on a task that has finished. */
export function explainFinishedTask(
  err: unknown,
  op: 'resubscribe' | 'cancel',
  taskId: string,
  known: TaskState,
): unknown {
  if (!(err instanceof RpcError)) return err;
  const terminal = TERMINAL_STATES.has(known);
  const code = op === 'resubscribe' ? -32004 : -32002;
  if (err.rpcCode !== code || !(terminal || FINISHED_TEXT.test(err.rpcMessage))) return err;
  const state = terminal ? ` (${known})` : '';
  const what =
    op === 'resubscribe'
      ? 'there is no live stream left to resubscribe to'
      : 'there is nothing left to cancel';
  return new ApiError(
    409,
    'task_finished',
    `Task ${taskId} has already finished${state}: ${what}. Use Get to read its final state. ${said(err)}`,
  );
}

/** -32001 on a push-config call whose text is about the config, not the task. */
export function explainMissingPushConfig(
  err: unknown,
  taskId: string,
  configId: string | null,
): unknown {
  if (!(err instanceof RpcError) || err.rpcCode !== -32001) return err;
  if (!/push|config/i.test(err.rpcMessage)) return err;
  const which = configId ? ` "${configId}"` : '';
  return new ApiError(
    404,
    'push_config_not_found',
    `The agent has no push config${which} for task ${taskId} (the task itself exists: JSON-RPC -32001 is also the code for an unknown task). List the task's push configs to see which exist. ${said(err)}`,
  );
}
