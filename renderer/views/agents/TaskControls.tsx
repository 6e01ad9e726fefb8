// Controls on the selected task: its full id (copy), state and stream status, where its webhooks
// go (URL, dialect, token masked), disconnect the stream (the task goes on), resubscribe, get,
// cancel, and the task's push configs (list, delete). Keyed by task in the parent, so the Get
// result and the push configs of one task never show under another. Resubscribe and Cancel
// are disabled on a finished task, with the reason shown.
import { useState } from 'react';
import type { AgentOps } from '../../state/agents-slice';
import { taskActionBlocks } from '../../../shared/a2a/task-actions';
import type { TaskView } from '../../../shared/api/agents';
import { CopyButton } from '../../components/CopyButton';

export function TaskControls(props: {
  api: AgentOps;
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
    <div className="task-controls" data-testid="task-controls">
      <span className={`tl-state st-${task.state}`} data-testid="task-state">
        {task.state}
      </span>
      <code className="task-id" title={taskId} data-testid="task-id">
        {taskId}
      </code>
      <CopyButton text={taskId} label="Copy id" small />
      <span className="muted" data-testid="stream-status">
        {task.streaming ? 'streaming' : 'not connected'}
      </span>
      {task.push ? (
        <span className="muted push-line" data-testid="push-line" title={task.push.url}>
          push ({task.push.dialect}) → {task.push.url} ·{' '}
          {task.push.tokenPreview
            ? `token ${task.push.tokenPreview}`
            : 'signed with the HMAC secret, no token'}
          {task.push.authPreview ? ` · Authorization ${task.push.authPreview}` : ''}
        </span>
      ) : null}
      <span className="task-buttons">
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
      </span>
      {configs ? (
        <ul className="push-configs" data-testid="push-configs">
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
      {fetched ? (
        <pre className="fetched" data-testid="fetched">
          {fetched}
        </pre>
      ) : null}
    </div>
  );
}
