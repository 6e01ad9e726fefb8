// The opened capture: summary line, actions (copy body, copy as curl, close), then the
// verification checks, the decoded JWT, headers in received order, the body and the metadata.
import { describeAnswer, type CaptureDetail } from '../../../../shared/model';
import { bearerJwt } from '../../../../shared/verify/jwt-decode';
import { CopyButton } from '../../../components/CopyButton';
import { VerdictBadge } from '../../../components/VerdictBadge';
import { curlForCapture } from '../../../../shared/curl';
import { decodeUtf8 } from '../../../lib/body';
import { exactSize } from '../../../lib/format';
import { useClock } from '../../../state/display-prefs';
import { useApp } from '../../../state/store';
import { BodyViewer } from './BodyViewer';
import { ChecksPanel } from './ChecksPanel';
import { HeadersTable } from './HeadersTable';
import { JwtPanel } from './JwtPanel';
import { ReplayPanel } from '../../replay/ReplayPanel';
import { ORIGIN_WORDS, OriginChip } from '../OriginChip';

export function CaptureDetailPane() {
  const detail = useApp((s) => s.detail);
  const body = useApp((s) => s.body);
  const error = useApp((s) => s.detailError);
  const select = useApp((s) => s.select);
  const deleteWithUndo = useApp((s) => s.deleteWithUndo);
  const openReplayWith = useApp((s) => s.openReplayWith);
  const receiverUrl = useApp((s) => s.receiver?.url ?? 'http://127.0.0.1:9000');

  return (
    <aside className="detail-pane" aria-label="Capture detail" data-testid="detail">
      <div className="detail-toolbar">
        {detail ? <Title detail={detail} /> : <span className="muted">Loading…</span>}
        <span className="spacer" />
        {detail && body && (
          <>
            <CopyButton
              text={() =>
                decodeUtf8(body) ??
                Array.from(body, (b) => b.toString(16).padStart(2, '0')).join('')
              }
              label="Copy body"
              small
              testId="copy-body"
            />
            <CopyButton
              text={() => curlForCapture(detail, body, receiverUrl)}
              label="Copy as curl"
              small
              testId="copy-curl"
            />
          </>
        )}
        {detail && (
          <>
            <button
              type="button"
              className="btn btn-small"
              data-testid="toolbar-replay"
              onClick={() => {
                const panel = document.getElementById('replay-panel');
                panel?.scrollIntoView({ block: 'start' });
                panel?.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
              }}
            >
              Replay
            </button>
            <button
              type="button"
              className="btn btn-small"
              data-testid="toolbar-report"
              title="Run every attack against a handler with this capture"
              onClick={() => openReplayWith([detail.id])}
            >
              Handler report…
            </button>
          </>
        )}
        {detail && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            title="Delete this capture (Del); Undo in the toast"
            data-testid="delete-capture"
            onClick={() => deleteWithUndo([detail.id])}
          >
            Delete
          </button>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          aria-label="Close detail"
          title="Close (Esc)"
          onClick={() => select(null)}
        >
          ✕
        </button>
      </div>
      {error && <div className="notice notice-error">{error}</div>}
      {detail && (
        <div className="detail-scroll">
          <ChecksPanel checks={detail.checks} />
          <JwtSection detail={detail} />
          <HeadersTable headers={detail.headers} />
          {body && <BodyViewer bytes={body} contentType={detail.contentType} />}
          <Meta detail={detail} />
          <ReplayPanel detail={detail} body={body} />
        </div>
      )}
    </aside>
  );
}

function Title({ detail }: { detail: CaptureDetail }) {
  return (
    <div className="detail-title">
      <span className={`method mono method-${detail.method.toLowerCase()}`}>{detail.method}</span>
      <span className="mono detail-path" title={detail.path} data-testid="detail-path">
        {detail.path}
        {detail.query ? `?${detail.query}` : ''}
      </span>
      <VerdictBadge verdict={detail.verdict} />
      <OriginChip origin={detail.source} />
    </div>
  );
}

function JwtSection({ detail }: { detail: CaptureDetail }) {
  const jwt = bearerJwt(detail.headers);
  return jwt ? <JwtPanel decoded={jwt} /> : null;
}

function Meta({ detail }: { detail: CaptureDetail }) {
  const clock = useClock();
  const rows: [string, string][] = [
    ...(detail.importedAt
      ? ([
          ['Imported', clock.dateTime(detail.importedAt)],
          ['Originally sent', clock.dateTime(detail.receivedAt)],
        ] as [string, string][])
      : ([['Received', clock.dateTime(detail.receivedAt)]] as [string, string][])),
    ['From', detail.remoteAddress],
    ['Size', exactSize(detail.size)],
    ['Task id', detail.taskId ?? '—'],
    [
      'Answered',
      detail.responseStatus === null
        ? '—'
        : `HTTP ${describeAnswer(detail.responseStatus, detail.answeredBy)}`,
    ],
    ['Origin', ORIGIN_WORDS[detail.source]],
    ['Capture id', String(detail.id)],
  ];
  return (
    <section className="panel">
      <h2 className="panel-title">Request</h2>
      <dl className="kv">
        {rows.map(([k, v]) => (
          <div key={k} className="kv-row">
            <dt>{k}</dt>
            <dd className="mono">{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
