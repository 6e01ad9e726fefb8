// Compose a message to the selected agent: text, optional context / task ids (multi-turn),
// stream on/off, push on/off. With push, the form says where webhooks go: the URL (default:
// Switchboard's own receiver, shown) in the agent's push dialect; the engine generates a fresh
// per-task token (shown masked on the task once sent).
import { useState } from 'react';

export interface ComposeValue {
  text: string;
  stream: boolean;
  push: boolean;
  contextId?: string;
  taskId?: string;
  pushUrl?: string;
}

export function ComposeForm(props: {
  busy: boolean;
  /** Where webhooks go by default (this receiver's /webhook). */
  defaultPushUrl: string;
  dialect: string;
  onSend: (v: ComposeValue) => void;
}) {
  const [text, setText] = useState('');
  const [contextId, setContextId] = useState('');
  const [taskId, setTaskId] = useState('');
  const [stream, setStream] = useState(true);
  const [push, setPush] = useState(false);
  const [pushUrl, setPushUrl] = useState('');
  return (
    <form
      className="compose"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        props.onSend({
          text,
          stream,
          push,
          ...(contextId.trim() ? { contextId: contextId.trim() } : {}),
          ...(taskId.trim() ? { taskId: taskId.trim() } : {}),
          ...(push && pushUrl.trim() ? { pushUrl: pushUrl.trim() } : {}),
        });
      }}
    >
      <textarea
        className="input"
        aria-label="Message"
        placeholder="Message text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={2}
      />
      <div className="compose-row">
        <input
          className="input"
          aria-label="Context id"
          placeholder="context id (optional)"
          value={contextId}
          onChange={(e) => setContextId(e.target.value)}
        />
        <input
          className="input"
          aria-label="Task id"
          placeholder="task id (optional)"
          value={taskId}
          onChange={(e) => setTaskId(e.target.value)}
        />
        <label>
          <input type="checkbox" checked={stream} onChange={(e) => setStream(e.target.checked)} />{' '}
          stream
        </label>
        <label>
          <input type="checkbox" checked={push} onChange={(e) => setPush(e.target.checked)} /> push
        </label>
        <button type="submit" className="btn btn-primary" disabled={props.busy}>
          Send
        </button>
      </div>
      {push ? (
        <div className="compose-row" data-testid="push-settings">
          <span className="muted">webhooks ({props.dialect}) to</span>
          <input
            className="input push-url"
            aria-label="Push URL"
            placeholder={props.defaultPushUrl}
            value={pushUrl}
            onChange={(e) => setPushUrl(e.target.value)}
          />
          <span className="muted small">token: generated per task</span>
        </div>
      ) : null}
    </form>
  );
}
