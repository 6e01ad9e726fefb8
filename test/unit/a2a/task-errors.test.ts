// The overloaded JSON-RPC codes are told apart by the agent's text and the task's state.
import { describe, expect, it } from 'vitest';
import { RpcError } from '../../../electron/engine/a2a/rpc-client';
import {
  explainFinishedTask,
  explainMissingPushConfig,
} from '../../../electron/engine/a2a/task-errors';
import { ApiError } from '../../../shared/api';

describe('task error explanations', () => {
  it('keeps "task not found" when the agent says the task is unknown', () => {
    const err = new RpcError(-32001, 'Task not found: zzz', 'tasks/pushNotificationConfig/get');
    expect(explainMissingPushConfig(err, 'zzz', 'c1')).toBe(err);
  });

  it('names a missing push config when the text is about the config', () => {
    const err = new RpcError(-32001, 'Push notification config not found for task t1.', 'get');
    const out = explainMissingPushConfig(err, 't1', null) as ApiError;
    expect(out.code).toBe('push_config_not_found');
  });

  it('a -32004 on a working task stays an unsupported operation', () => {
    const err = new RpcError(-32004, 'streaming is not supported', 'SubscribeToTask');
    expect(explainFinishedTask(err, 'resubscribe', 't1', 'working')).toBe(err);
    const finished = explainFinishedTask(err, 'resubscribe', 't1', 'canceled') as ApiError;
    expect(finished.message).toContain('has already finished (canceled)');
  });
});
