// Delivery checks of one scenario: a terminal webhook arrived, each state the stream went through
// was pushed (standard dialects push every event), task ids match, order and timestamps are
// sane, and no delivery acknowledged with 2xx was sent again.
import type { AgentCheck } from '../../../shared/api/agent-report';
import { TERMINAL_STATES } from '../../../shared/a2a/types';
import { headerValue } from '../../../shared/wire-headers';
import { attemptsByBody, ids, notStarted, ok2xx, row, terminalHooks } from './check';
import type { Hook, ScenarioResult } from './scenario';

const HEADS = {
  terminal: {
    id: 'delivery.terminal',
    group: 'delivery',
    title: 'terminal state pushed',
    required: true,
  },
  states: {
    id: 'delivery.states',
    group: 'delivery',
    title: 'every state change pushed',
    required: true,
  },
  taskId: { id: 'delivery.task-id', group: 'delivery', title: 'task id matches', required: true },
  order: {
    id: 'delivery.order',
    group: 'delivery',
    title: 'order and timestamps sane',
    required: true,
  },
  duplicates: {
    id: 'delivery.duplicates',
    group: 'delivery',
    title: 'no duplicate deliveries',
    required: false,
  },
} as const;

export function judgeDelivery(r: ScenarioResult): AgentCheck[] {
  const d = r.spec.dialect;
  const missing = notStarted(r);
  if (missing) {
    return [
      row(HEADS.terminal, d, 'fail', missing),
      ...[HEADS.states, HEADS.taskId, HEADS.order, HEADS.duplicates].map((h) =>
        row(h, d, 'n/a', 'no webhook to judge'),
      ),
    ];
  }
  const terminal = terminalHooks(r.hooks);
  const first = terminal[0];
  const out: AgentCheck[] = [
    first
      ? row(
          HEADS.terminal,
          d,
          'pass',
          `${first.state} pushed ${first.capture.receivedAt - r.startedAt} ms after the task started`,
          [first],
          [first.capture.receivedAt - r.startedAt],
        )
      : row(
          HEADS.terminal,
          d,
          'fail',
          `${r.hooks.length} webhook(s) (${states(r.hooks)}) but none with a terminal state${r.timedOut ? ' before the scenario timed out' : ''}`,
          r.hooks,
        ),
  ];
  out.push(judgeStates(r));
  const wrongId = r.hooks.filter((h) => {
    const header = headerValue(h.capture.headers, 'X-A2A-Task-ID');
    return h.taskId !== r.taskId || (header !== undefined && header !== r.taskId);
  });
  out.push(
    wrongId.length
      ? row(HEADS.taskId, d, 'fail', `${ids(wrongId)} name another task than ${r.taskId}`, wrongId)
      : row(HEADS.taskId, d, 'pass', `every webhook names task ${r.taskId}`, r.hooks),
  );
  out.push(judgeOrder(r));
  const dups = attemptsByBody(r.hooks).filter(
    (g) => g.findIndex(ok2xx) >= 0 && g.findIndex(ok2xx) < g.length - 1,
  );
  out.push(
    dups.length
      ? row(
          HEADS.duplicates,
          d,
          'fail',
          `sent again after a 2xx answer: ${dups.map(ids).join('; ')}`,
          dups.flat(),
        )
      : row(HEADS.duplicates, d, 'pass', 'no delivery was repeated after a 2xx answer', r.hooks),
  );
  return out;
}

const states = (hooks: Hook[]) => hooks.map((h) => h.state ?? 'no state').join(', ');

function judgeStates(r: ScenarioResult): AgentCheck {
  const d = r.spec.dialect;
  if (d === 'tutorial')
    return row(HEADS.states, d, 'n/a', 'the tutorial dialect pushes only the completion');
  if (!r.streamStates.length)
    return row(HEADS.states, d, 'n/a', 'the stream showed no states to compare with');
  const pushed = new Set(r.hooks.map((h) => h.state));
  const unpushed = r.streamStates.filter((s) => !pushed.has(s));
  return unpushed.length
    ? row(
        HEADS.states,
        d,
        'fail',
        `the stream went through ${r.streamStates.join(' → ')}; no webhook said ${unpushed.join(', ')}`,
        r.hooks,
      )
    : row(HEADS.states, d, 'pass', `pushed ${r.streamStates.join(' → ')}`, r.hooks);
}

/** The time a webhook body says it was produced (tutorial `timestamp`, else status.timestamp). */
function bodyTime(body: unknown): number | null {
  const o = (v: unknown): Record<string, unknown> | null =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  const b = o(body);
  if (!b) return null;
  const inner = o(b['task']) ?? o(b['statusUpdate']) ?? b;
  const raw =
    typeof b['timestamp'] === 'string' ? b['timestamp'] : o(inner['status'])?.['timestamp'];
  if (typeof raw !== 'string') return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : t;
}

function judgeOrder(r: ScenarioResult): AgentCheck {
  const d = r.spec.dialect;
  const firstTerminal = r.hooks.findIndex(
    (h) => h.state !== undefined && TERMINAL_STATES.has(h.state),
  );
  const late =
    firstTerminal < 0
      ? []
      : r.hooks.slice(firstTerminal + 1).filter((h) => h.state && !TERMINAL_STATES.has(h.state));
  if (late.length)
    return row(
      HEADS.order,
      d,
      'fail',
      `${ids(late)} arrived after the terminal state but say ${states(late)}`,
      late,
    );
  // Attempts of one delivery repeat its timestamp: compare distinct deliveries only.
  const times = attemptsByBody(r.hooks)
    .map((g) => ({ hook: g[0]!, t: bodyTime(g[0]!.body) }))
    .filter((x): x is { hook: Hook; t: number } => x.t !== null);
  const backwards = times.filter((x, i) => i > 0 && x.t < times[i - 1]!.t);
  if (backwards.length)
    return row(
      HEADS.order,
      d,
      'fail',
      `timestamps go backwards at ${ids(backwards.map((b) => b.hook))}`,
      backwards.map((b) => b.hook),
    );
  return row(
    HEADS.order,
    d,
    'pass',
    times.length
      ? 'states move forward; timestamps never go backwards'
      : 'states move forward (the bodies carry no timestamps)',
    r.hooks,
  );
}
