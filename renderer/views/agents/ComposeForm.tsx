// Compose a message to the selected agent: text, optional context / task ids (multi-turn),
// stream on/off, push on/off. With push, the form says where webhooks go: the URL (default:
// Switchboard's own receiver, shown) in the agent's push dialect; the engine generates a fresh
// per-task token (shown masked on the task once sent). In the v1.0 / v0.3 dialects the push
// config may also carry `authentication`: Authorization none, or Bearer with a credential the
// engine generates and registers for the task (the agent sends it back on every webhook).
import { useState } from 'react';

export interface ComposeValue {
  text: string;
  stream: boolean;
  push: boolean;
  contextId?: string;
  taskId?: string;
  pushUrl?: string;
  pushAuth?: 'none' | 'bearer';
}

/** Push dialects whose push config has an `authentication` field. */
const AUTH_DIALECTS = new Set(['v1.0', 'v0.3']);

export function ComposeForm(props: {
  busy: boolean;
  /** Where webhooks go by default (this receiver's /webhook). */
  defaultPushUrl: string;
  dialect: string;
  /** What the form starts with (a demo agent's tutorial message, push on). */
  initial?: { text: string; push: boolean } | undefined;
  onSend: (v: ComposeValue) => void;
}) {
  const [text, setText] = useState(props.initial?.text ?? '');
  const [contextId, setContextId] = useState('');
  const [taskId, setTaskId] = useState('');
  const [stream, setStream] = useState(true);
  const [push, setPush] = useState(props.initial?.push ?? false);
  const [pushUrl, setPushUrl] = useState('');
  const [pushAuth, setPushAuth] = useState<'none' | 'bearer'>('none');
  const canAuth = AUTH_DIALECTS.has(props.dialect);
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
          ...(push && canAuth && pushAuth === 'bearer' ? { pushAuth } : {}),
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
          {canAuth ? (
            <label className="muted small">
              Authorization{' '}
              <select
                className="input"
                aria-label="Push Authorization"
                value={pushAuth}
                onChange={(e) => setPushAuth(e.target.value === 'bearer' ? 'bearer' : 'none')}
              >
                <option value="none">none</option>
                <option value="bearer">Bearer (generated credential)</option>
              </select>
            </label>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
