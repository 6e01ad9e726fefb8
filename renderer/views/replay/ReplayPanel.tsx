// Replay section of the capture detail: the replay form, the latest result, and the capture's
// replay history (click an entry to see it). Mount as <ReplayPanel detail={detail} body={body} />.
// A send clears the previous result first, so an error never sits above a stale answer.
import { errorText } from '../../../shared/error-text';
import { useCallback, useEffect, useState } from 'react';
import type { ReplayResult, ReplaySummary } from '../../../shared/api/replay';
import type { CaptureDetail } from '../../../shared/model';
import { useClock } from '../../state/display-prefs';
import { useApp } from '../../state/store';
import { ReplayForm, type ReplayRequest } from './ReplayForm';
import { ReplayResultView } from './ReplayResultView';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function textOf(body: Uint8Array | null): string | null {
  if (!body) return null;
  try {
    return strictUtf8.decode(body);
  } catch {
    return null;
  }
}

export function ReplayPanel({ detail, body }: { detail: CaptureDetail; body: Uint8Array | null }) {
  const clock = useClock();
  const api = useApp((s) => s.replay.ops);
  const [targets, setTargets] = useState<string[]>([]);
  const [history, setHistory] = useState<ReplaySummary[]>([]);
  const [result, setResult] = useState<ReplayResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    const [t, h] = await Promise.all([
      api.recentTargets({}),
      api.listReplays({ id: detail.id, limit: 50 }),
    ]);
    setTargets(t.targets);
    setHistory(h);
  }, [api, detail.id]);

  useEffect(() => {
    setResult(null);
    setError(null);
    refresh().catch((err: unknown) => setError(errorText(err)));
  }, [refresh]);

  const send = async (req: ReplayRequest) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.replayCapture({ id: detail.id, duplicates: 3, ...req }));
      await refresh();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const open = async (replayId: number) => {
    try {
      setResult(await api.getReplay({ replayId }));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section
      className="panel"
      aria-labelledby="replay-panel-title"
      id="replay-panel"
      data-testid="replay-panel"
    >
      <h2 className="panel-title" id="replay-panel-title">
        Replay
      </h2>
      <ReplayForm
        key={detail.id}
        headers={detail.headers}
        bodyText={textOf(body)}
        defaultTarget={`default: this path on the receiver (${detail.path})`}
        recentTargets={targets}
        busy={busy}
        onSend={(req) => void send(req)}
      />
      {error && (
        <div className="notice notice-error" role="alert" data-testid="replay-error">
          {error}
        </div>
      )}
      {result && <ReplayResultView result={result} />}
      {history.length > 0 && (
        <table className="replay-table" data-testid="replay-history">
          <caption>History</caption>
          <tbody>
            {history.map((h) => (
              <tr
                key={h.replayId}
                className="replay-history-row"
                onClick={() => void open(h.replayId)}
              >
                <td className="mono">#{h.replayId}</td>
                <td className="mono">{clock.time(h.createdAt)}</td>
                <td>{h.attack ?? h.mode}</td>
                <td className="mono">{h.error ? 'no response' : h.status}</td>
                <td className="mono replay-url" title={h.targetUrl}>
                  {h.targetUrl}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
