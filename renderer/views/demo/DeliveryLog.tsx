// The delivery log: every webhook attempt of the demo agents, newest first, live from 'delivery'
// events. Success rate on top (delivered / finished deliveries), filter by agent, clear.
// URLs and errors come from agents and receivers: rendered as text.
import type { DemoState } from '../../state/demo-slice';
import { useClock } from '../../state/display-prefs';
import { formatRate } from './demo-model';

export function DeliveryLog({ s }: { s: DemoState }) {
  const clock = useClock();
  const { items, stats } = s.log;
  const clear = () =>
    void s.run(async () => {
      await s.ops.clearDeliveries({});
      await s.loadLog();
    });
  return (
    <section className="panel demo-log" aria-label="Delivery log" data-testid="delivery-log">
      <h2 className="panel-title">
        Delivery log
        <span className="muted" data-testid="delivery-rate">
          {formatRate(stats)} · {stats.attempts} attempts
        </span>
        <span className="spacer" />
        <select
          className="input"
          aria-label="Filter by agent"
          value={s.filter}
          onChange={(e) => s.setFilter(e.target.value as typeof s.filter)}
        >
          <option value="">all agents</option>
          {s.agents.map((a) => (
            <option key={a.name} value={a.name}>
              {a.title}
            </option>
          ))}
        </select>
        <button type="button" className="btn" onClick={clear} disabled={!items.length}>
          Clear
        </button>
      </h2>
      {items.length === 0 ? (
        <p className="muted small">
          No webhook attempt yet. Send an agent a task with push (see Try it) to fill this log.
        </p>
      ) : (
        <div className="demo-table-wrap">
          <table className="data-table demo-table">
            <thead>
              <tr>
                <th>time</th>
                <th>agent</th>
                <th>task</th>
                <th>url</th>
                <th>#</th>
                <th title="wait before this attempt (backoff)">wait</th>
                <th>status</th>
                <th>latency</th>
                <th>outcome</th>
                <th>error</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={`${d.id}-${d.deliveryId}-${d.attempt}`} data-testid="delivery-row">
                  <td className="mono">{clock.time(d.at)}</td>
                  <td>{d.agent}</td>
                  <td className="mono demo-cell-task" title={d.taskId} data-testid="delivery-task">
                    {d.taskId}
                  </td>
                  <td className="mono demo-cell-url" title={d.url}>
                    {d.url}
                  </td>
                  <td className="mono">{d.attempt}</td>
                  <td className="mono">{d.delayMs} ms</td>
                  <td className="mono">{d.status ?? '—'}</td>
                  <td className="mono">{d.latencyMs} ms</td>
                  <td className={`demo-out-${d.outcome}`}>{d.outcome}</td>
                  <td className="demo-cell-err" title={d.error ?? d.warning ?? ''}>
                    {d.error ?? d.warning ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.log.nextCursor ? (
            <button type="button" className="btn btn-small" onClick={() => void s.run(s.loadOlder)}>
              Load older
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}
