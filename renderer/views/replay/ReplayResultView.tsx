// One replay's outcome: status or error, latency, what changed compared with the capture, the
// request as written on the wire and the response (headers and text body). Agent data as text.
// An attack replay is judged by the answer: accepted means vulnerable (red, with why), so a 200
// is never shown as good news for an attack.
import type { ReplayResult } from '../../../shared/api/replay';
import { ChangesTable } from './ChangesTable';

export function ReplayResultView({ result }: { result: ReplayResult }) {
  const j = result.judgement;
  const ok = j
    ? j.verdict !== 'VULNERABLE' && j.verdict !== 'error'
    : result.status !== null && result.status < 400;
  return (
    <div className="replay-result" data-testid="replay-result">
      {j && (
        <div
          className={`replay-judgement verdict-${j.verdict}`}
          data-testid="replay-judgement"
          data-verdict={j.verdict}
        >
          {j.verdict === 'VULNERABLE'
            ? 'Vulnerable: '
            : j.verdict === 'inconclusive'
              ? 'Refused: '
              : ''}
          {j.reason}
          {j.verdict === 'VULNERABLE' && ' A secure handler must refuse this request.'}
        </div>
      )}
      <div className={`replay-status ${ok ? 'replay-ok' : 'replay-bad'}`}>
        {result.error ? `No response: ${result.error}` : `HTTP ${result.status}`}
        <span className="muted">
          {' '}
          · {result.latencyMs} ms · #{result.replayId}
        </span>
        {result.attack && <span className="muted"> · attack {result.attack}</span>}
      </div>
      {result.changes.length > 0 && (
        <ChangesTable caption="Changed compared with the capture" changes={result.changes} />
      )}
      <details>
        <summary>
          Sent: {result.sent.method} {result.sent.url} · {result.sent.size} bytes
        </summary>
        <pre className="mono replay-pre">
          {result.sent.headers.map(([n, v]) => `${n}: ${v}`).join('\n')}
        </pre>
      </details>
      {result.status !== null && (
        <details>
          <summary>Response{result.responseTruncated ? ' (cut at 1 MiB)' : ''}</summary>
          <pre className="mono replay-pre">
            {result.responseHeaders.map(([n, v]) => `${n}: ${v}`).join('\n')}
            {'\n\n'}
            {result.responseBody}
          </pre>
        </details>
      )}
    </div>
  );
}
