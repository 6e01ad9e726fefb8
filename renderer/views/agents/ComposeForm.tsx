// Compose a message to the selected agent: text, optional context / task ids (multi-turn),
// stream on/off, push on/off (push goes to Switchboard's receiver with a fresh token).
import { useState } from 'react';

export interface ComposeValue {
  text: string;
  stream: boolean;
  push: boolean;
  contextId?: string;
  taskId?: string;
}

export function ComposeForm(props: { busy: boolean; onSend: (v: ComposeValue) => void }) {
  const [text, setText] = useState('');
  const [contextId, setContextId] = useState('');
  const [taskId, setTaskId] = useState('');
  const [stream, setStream] = useState(true);
  const [push, setPush] = useState(false);
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
    </form>
  );
}
