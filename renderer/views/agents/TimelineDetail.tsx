// The selected timeline row in full. A webhook row shows the capture's verdict, the receiver's
// answer and the attempt, how it is bound to this task (X-A2A-Task-ID header or body, and the
// JWT's taskId claim), every check, the JWT claims, and a link that opens it in Captures. A stream
// row shows its kind, state, full text and ids, with the stored event as JSON and its wire
// exchange (method, path, headers, bodies, Copy as curl) on request.
// Everything here is agent data: rendered as text.
import { errorText } from '../../../shared/error-text';
import { useEffect, useState } from 'react';
import type { AgentOps } from '../../state/agents-slice';
import type { TimelineEvent } from '../../../shared/a2a/types';
import { describeAnswer, type CaptureDetail } from '../../../shared/model';
import { bearerJwt } from '../../../shared/verify/jwt-decode';
import { headerValue } from '../../../shared/verify/headers';
import { CopyButton } from '../../components/CopyButton';
import { VerdictBadge } from '../../components/VerdictBadge';
import { useClock } from '../../state/display-prefs';
import { getAppStore } from '../../state/store';
import { ChecksPanel } from '../captures/detail/ChecksPanel';
import { WireExchangePanel } from './WireExchangePanel';
import { JwtPanel } from '../captures/detail/JwtPanel';

export function TimelineDetail(props: {
  api: AgentOps;
  event: TimelineEvent;
  taskId: string | null;
  onClose: () => void;
}) {
  const e = props.event;
  const clock = useClock();
  return (
    <div className="tl-detail" data-testid="tl-detail">
      <div className="tl-detail-head">
        <strong>{e.source === 'webhook' ? 'Webhook' : (e.note ?? e.kind)}</strong>
        <span className="muted mono">{clock.time(e.at)}</span>
        {e.state ? <span className={`tl-state st-${e.state}`}>{e.state}</span> : null}
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={props.onClose}>
          Close
        </button>
      </div>
      {e.source === 'webhook' && e.captureId !== undefined ? (
        <WebhookDetail api={props.api} event={e} captureId={e.captureId} taskId={props.taskId} />
      ) : (
        <StreamDetail event={e} />
      )}
      {e.source === 'stream' && e.exchangeId !== undefined && props.taskId ? (
        <WireExchangePanel api={props.api} taskId={props.taskId} exchangeId={e.exchangeId} />
      ) : null}
    </div>
  );
}

function StreamDetail({ event: e }: { event: TimelineEvent }) {
  return (
    <>
      {e.text ? <pre className="tl-full-text">{e.text}</pre> : null}
      <dl className="kv tl-kv">
        <dt>kind</dt>
        <dd>{e.kind}</dd>
        {e.artifact ? (
          <>
            <dt>artifact</dt>
            <dd className="mono">
              {e.artifact.name ?? e.artifact.id} {e.artifact.append ? '(append)' : ''}
              {e.artifact.lastChunk ? ' (last chunk)' : ''}
            </dd>
          </>
        ) : null}
        {e.final !== undefined ? (
          <>
            <dt>final</dt>
            <dd>{String(e.final)}</dd>
          </>
        ) : null}
        <dt>frame</dt>
        <dd className="mono">
          #{e.frameId ?? '—'} on exchange #{e.exchangeId ?? '—'}
        </dd>
      </dl>
      <details>
        <summary>Stored event (JSON)</summary>
        <pre>{JSON.stringify(e, null, 2)}</pre>
      </details>
    </>
  );
}

function WebhookDetail(props: {
  api: AgentOps;
  event: TimelineEvent;
  captureId: number;
  taskId: string | null;
}) {
  const { api, captureId, event: e } = props;
  const [detail, setDetail] = useState<CaptureDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stale = false;
    api.getCapture({ id: captureId }).then(
      (d) => !stale && setDetail(d),
      (err: unknown) => !stale && setError(errorText(err)),
    );
    return () => {
      stale = true;
    };
  }, [api, captureId, e.verdict]);
  const open = () => {
    const s = getAppStore().getState();
    s.select(captureId);
    s.setView('captures');
  };
  const jwt = detail ? bearerJwt(detail.headers) : null;
  const byHeader = detail ? headerValue(detail.headers, 'X-A2A-Task-ID') !== undefined : false;
  const claim = jwt?.claims['taskId'];
  return (
    <>
      <div className="tl-detail-row">
        {e.verdict ? <VerdictBadge verdict={e.verdict} /> : null}
        <span data-testid="tl-detail-answer">receiver answered {answerText(e, detail)}</span>
        {e.attempt ? <span>attempt #{e.attempt}</span> : null}
        <span className="mono muted">
          capture #{captureId} · {detail ? `${detail.method} ${detail.path}` : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small btn-primary" onClick={open}>
          Open in Captures
        </button>
      </div>
      {e.text ? <pre className="tl-full-text">{e.text}</pre> : null}
      {error ? <p className="error-line">{error}</p> : null}
      {detail ? (
        <>
          <dl className="kv tl-kv" data-testid="tl-binding">
            <dt>task</dt>
            <dd className="mono">
              {detail.taskId ?? '(none)'}{' '}
              {detail.taskId ? <CopyButton text={detail.taskId} label="Copy" small /> : null}
            </dd>
            <dt>bound by</dt>
            <dd>
              {byHeader ? 'X-A2A-Task-ID header' : 'task id in the body'}
              {detail.taskId !== props.taskId ? ' (not this task!)' : ' (this task)'}
            </dd>
            {typeof claim === 'string' ? (
              <>
                <dt>JWT taskId</dt>
                <dd className={claim === detail.taskId ? '' : 'sev-error'}>
                  {claim === detail.taskId ? 'matches' : `differs: ${claim}`}
                </dd>
              </>
            ) : null}
          </dl>
          <ChecksPanel checks={detail.checks} />
          {jwt ? <JwtPanel decoded={jwt} /> : null}
        </>
      ) : null}
    </>
  );
}

/** What the receiver answered and which rule chose it: the event's, else the capture's. */
function answerText(e: TimelineEvent, detail: CaptureDetail | null): string {
  const status = e.responseStatus ?? detail?.responseStatus ?? null;
  if (status === null) return '—';
  return describeAnswer(status, e.answeredBy ?? detail?.answeredBy);
}
