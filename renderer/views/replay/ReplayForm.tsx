// Replay controls in the capture detail: target (recent targets offered), mode, attack preset,
// edits (body text and "Name: value" header lines, re-sign or not), confirmation for targets
// off this machine, redirects and timeout. Calls onSend with the replayCapture arguments.
import { useState } from 'react';
import {
  ATTACKS,
  type AttackName,
  type ReplayChange,
  type ReplayMode,
} from '../../../shared/api/replay';
import type { HeaderPair } from '../../../shared/model';
import { parseHeaderLines } from '../../../shared/wire-headers';
import { bodyChanges, brokenJsonWarning, headerChanges } from '../../../shared/replay/diff';
import { ChangesTable } from './ChangesTable';

export interface ReplayRequest {
  targetUrl?: string;
  mode: ReplayMode;
  attack?: AttackName;
  edits?: { body: string; headers: HeaderPair[]; resign: boolean };
  confirmNonLoopback: boolean;
  followRedirects: boolean;
  timeoutMs: number;
}

export function ReplayForm(props: {
  headers: HeaderPair[];
  bodyText: string | null;
  defaultTarget: string;
  recentTargets: string[];
  busy: boolean;
  onSend: (req: ReplayRequest) => void;
}) {
  const [target, setTarget] = useState('');
  const [mode, setMode] = useState<ReplayMode>('exact');
  const [attack, setAttack] = useState<AttackName>('stale-timestamp');
  const [body, setBody] = useState(props.bodyText ?? '');
  const [headerText, setHeaderText] = useState(
    props.headers.map(([n, v]) => `${n}: ${v}`).join('\n'),
  );
  const [resign, setResign] = useState(true);
  const [confirm, setConfirm] = useState(false);
  const [follow, setFollow] = useState(false);
  const [timeoutSec, setTimeoutSec] = useState('10');

  const send = () =>
    props.onSend({
      ...(target.trim() ? { targetUrl: target.trim() } : {}),
      mode,
      ...(mode === 'attack' ? { attack } : {}),
      ...(mode === 'edited'
        ? { edits: { body, headers: parseHeaderLines(headerText), resign } }
        : {}),
      confirmNonLoopback: confirm,
      followRedirects: follow,
      timeoutMs: Math.round(Math.max(0.1, Number(timeoutSec) || 10) * 1000),
    });

  return (
    <div className="replay-form">
      <label className="replay-field">
        <span>Target</span>
        <input
          className="mono"
          list="replay-targets"
          placeholder={props.defaultTarget}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          data-testid="replay-target"
        />
        <datalist id="replay-targets">
          {props.recentTargets.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </label>
      <div className="replay-row">
        <label className="replay-field">
          <span>Mode</span>
          <select
            value={mode}
            onChange={(e) => setMode(e.target.value as ReplayMode)}
            data-testid="replay-mode"
          >
            <option value="exact">exact</option>
            <option value="resigned">re-signed</option>
            <option value="edited" disabled={props.bodyText === null}>
              edited
            </option>
            <option value="attack">attack</option>
          </select>
        </label>
        {mode === 'attack' && (
          <label className="replay-field">
            <span>Attack</span>
            <select
              value={attack}
              onChange={(e) => setAttack(e.target.value as AttackName)}
              data-testid="replay-attack"
            >
              {ATTACKS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="replay-field replay-narrow">
          <span>Timeout (s)</span>
          <input
            value={timeoutSec}
            onChange={(e) => setTimeoutSec(e.target.value)}
            inputMode="decimal"
          />
        </label>
      </div>
      {mode === 'edited' && (
        <>
          <label className="replay-field">
            <span>Body</span>
            <textarea
              className="mono"
              rows={8}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          </label>
          <label className="replay-field">
            <span>Headers (one "Name: value" per line, in order)</span>
            <textarea
              className="mono"
              rows={6}
              value={headerText}
              onChange={(e) => setHeaderText(e.target.value)}
            />
          </label>
          <EditPreview
            changes={editChanges(
              props.headers,
              parseHeaderLines(headerText),
              props.bodyText ?? '',
              body,
            )}
          />
          <label className="replay-check">
            <input type="checkbox" checked={resign} onChange={(e) => setResign(e.target.checked)} />{' '}
            Re-sign after editing (otherwise the captured signatures are sent as they are)
          </label>
        </>
      )}
      <label className="replay-check">
        <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />{' '}
        Follow redirects
      </label>
      <label className="replay-check">
        <input type="checkbox" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />{' '}
        The target may be off this machine: send the captured body and credentials there
      </label>
      <button
        type="button"
        className="btn btn-primary btn-small"
        disabled={props.busy}
        onClick={send}
        data-testid="replay-send"
      >
        {props.busy ? 'Sending…' : 'Replay'}
      </button>
    </div>
  );
}

function EditPreview({ changes }: { changes: ReplayChange[] }) {
  if (changes.length === 0)
    return <div className="muted">No change yet: edit the body or the headers.</div>;
  return <ChangesTable caption="Diff against the capture" changes={changes} testId="edit-diff" />;
}

const utf8 = new TextEncoder();

function editChanges(
  headers: HeaderPair[],
  edited: HeaderPair[],
  bodyText: string,
  body: string,
): ReplayChange[] {
  const warning = brokenJsonWarning(bodyText, body);
  return [
    ...headerChanges(headers, edited),
    ...(warning ? [warning] : bodyChanges(utf8.encode(bodyText), utf8.encode(body))),
  ];
}
