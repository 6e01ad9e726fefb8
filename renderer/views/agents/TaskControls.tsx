// Controls on the selected task: disconnect the stream (the task goes on), resubscribe, get,
// cancel, and the task's push configs (list, delete). Results and errors go to the view.
// Resubscribe and Cancel are disabled on a finished task, with the reason shown.
import { useState } from 'react';
import type { SwitchboardApi } from '../../../shared/api';
import { taskActionBlocks } from '../../../shared/a2a/task-actions';
import type { TaskView } from '../../../shared/api/agents';

export function TaskControls(props: {
  api: SwitchboardApi;
  task: TaskView;
  run: <T>(a: () => Promise<T>) => Promise<T | null>;
}) {
  const { api, task, run } = props;
  const taskId = task.taskId;
  const [configs, setConfigs] = useState<unknown[] | null>(null);
  const [fetched, setFetched] = useState<string | null>(null);
  const configId = (c: unknown): string => {
    const o = c as { id?: string; pushNotificationConfig?: { id?: string } };
    return o.id ?? o.pushNotificationConfig?.id ?? '';
  };
  const blocked = taskActionBlocks(task.state);
  const list = async () =>
    setConfigs((await run(() => api.listPushConfigs({ taskId })))?.configs ?? null);
  return (
    <div className="task-controls">
      <span className={`tl-state st-${task.state}`} data-testid="task-state">
        {task.state}
      </span>
      <span className="muted" data-testid="stream-status">
        {task.streaming ? 'streaming' : 'not connected'}
      </span>
      <button
        type="button"
        className="btn"
        disabled={!task.streaming}
        onClick={() => void run(() => api.disconnectTask({ taskId }))}
      >
        Disconnect
      </button>
      <button
        type="button"
        className="btn"
        disabled={blocked.resubscribe !== null}
        title={blocked.resubscribe ?? undefined}
        onClick={() => void run(() => api.resubscribeTask({ taskId }))}
      >
        Resubscribe
      </button>
      <button
        type="button"
        className="btn"
        onClick={() =>
          void run(async () =>
            setFetched(JSON.stringify((await api.fetchTask({ taskId })).task, null, 2)),
          )
        }
      >
        Get
      </button>
      <button
        type="button"
        className="btn"
        disabled={blocked.cancel !== null}
        title={blocked.cancel ?? undefined}
        onClick={() => void run(() => api.cancelTask({ taskId }))}
      >
        Cancel
      </button>
      {blocked.resubscribe ? (
        <span className="muted" data-testid="task-actions-reason">
          Resubscribe and Cancel are off: the task is {task.state}.
        </span>
      ) : null}
      <button type="button" className="btn" onClick={() => void list()}>
        Push configs
      </button>
      {configs ? (
        <ul className="push-configs">
          {configs.length === 0 ? <li className="muted">no push config</li> : null}
          {configs.map((c, i) => (
            <li key={i}>
              <code>{JSON.stringify(c)}</code>{' '}
              <button
                type="button"
                className="btn"
                onClick={() =>
                  void run(() => api.deletePushConfig({ taskId, configId: configId(c) })).then(list)
                }
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {fetched ? <pre className="fetched">{fetched}</pre> : null}
    </div>
  );
}
