// Retry, robustness and disconnect checks: did a delivery refused with 500 come again (and how
// fast, growing?), did a 503 with Retry-After wait that long, did the agent give up on a
// receiver that always fails, leave a 400 alone, survive a slow receiver, time out and retry on
// a receiver that hangs past 30 s, and still push after the client disconnected mid-stream.
import type { AgentCheck } from '../../../shared/api/agent-report';
import { attemptsByBody, gaps, ids, notStarted, ok2xx, row, terminalHooks } from './check';
import { RETRY_AFTER_S, type Waits } from './scenarios';
import type { Hook, ScenarioResult } from './scenario';

const HEADS = {
  retry: { id: 'retries.retry-500', group: 'retries', title: 'retries after 500', required: true },
  backoff: { id: 'retries.backoff', group: 'retries', title: 'backoff grows', required: false },
  retryAfter: {
    id: 'retries.retry-after',
    group: 'retries',
    title: 'honours Retry-After on 503',
    required: false,
  },
  giveUp: { id: 'retries.give-up', group: 'retries', title: 'gives up reasonably', required: true },
  clientError: {
    id: 'robustness.4xx',
    group: 'robustness',
    title: 'no retry of a 400',
    required: false,
  },
  down: {
    id: 'robustness.receiver-down',
    group: 'robustness',
    title: 'retries while the receiver is down',
    required: true,
  },
  timeout: {
    id: 'retries.timeout',
    group: 'retries',
    title: 'retries after a timeout',
    required: false,
  },
  slow: {
    id: 'robustness.slow',
    group: 'robustness',
    title: 'waits for a slow receiver',
    required: false,
  },
  disconnect: {
    id: 'disconnect.survives',
    group: 'disconnect',
    title: 'pushes after the client disconnects',
    required: true,
  },
} as const;

const refused = (h: Hook) => h.capture.responseStatus !== null && !ok2xx(h);
/** Attempt groups whose first attempt was refused. */
const refusedGroups = (r: ScenarioResult) => attemptsByBody(r.hooks).filter((g) => refused(g[0]!));

export function judgeFailure(r: ScenarioResult, w: Waits, timeScale: number): AgentCheck[] {
  const d = r.spec.dialect;
  const missing = notStarted(r);
  const heads =
    r.spec.name === 'retry-500'
      ? [HEADS.retry, HEADS.backoff]
      : r.spec.name === 'retry-after'
        ? [HEADS.retryAfter]
        : r.spec.name === 'give-up'
          ? [HEADS.giveUp]
          : r.spec.name === 'client-error'
            ? [HEADS.clientError]
            : r.spec.name === 'slow'
              ? [HEADS.slow]
              : r.spec.name === 'timeout'
                ? [HEADS.timeout]
                : r.spec.name === 'receiver-down'
                  ? [HEADS.down]
                  : [HEADS.disconnect];
  if (missing && r.spec.name === 'receiver-down' && !r.error) {
    return heads.map((h) =>
      row(h, d, 'fail', `the first connection was dropped and no attempt followed: ${missing}`),
    );
  }
  if (missing) return heads.map((h) => row(h, d, 'fail', missing));
  const groups = refusedGroups(r);
  const first = groups[0];
  switch (r.spec.name) {
    case 'retry-500': {
      if (!first) return heads.map((h) => row(h, d, 'n/a', 'no delivery was refused'));
      const unretried = groups.filter((g) => g.length === 1);
      const timings = gaps(first);
      const retry = unretried.length
        ? row(
            HEADS.retry,
            d,
            'fail',
            `${ids(unretried.flat())} answered 500 and never sent again within ${Math.round(w.retryWaitMs)} ms: no retries`,
            unretried.flat(),
          )
        : groups.every((g) => g.some(ok2xx))
          ? row(
              HEADS.retry,
              d,
              'pass',
              `retried after 500 and delivered (${first.length} attempts)`,
              first,
              timings,
            )
          : row(
              HEADS.retry,
              d,
              'fail',
              `retried but never delivered (${first.map((h) => h.capture.responseStatus).join(', ')})`,
              first,
              timings,
            );
      const two = groups.find((g) => gaps(g).length >= 2);
      const backoff = !two
        ? row(HEADS.backoff, d, 'n/a', 'fewer than two retries of one delivery', first, timings)
        : gaps(two)[1]! > gaps(two)[0]!
          ? row(
              HEADS.backoff,
              d,
              'pass',
              `waits grow: ${gaps(two).map(Math.round).join(' ms, ')} ms`,
              two,
              gaps(two),
            )
          : row(
              HEADS.backoff,
              d,
              'fail',
              `waits do not grow: ${gaps(two).map(Math.round).join(' ms, ')} ms`,
              two,
              gaps(two),
            );
      return [retry, backoff];
    }
    case 'retry-after': {
      if (!first) return [row(HEADS.retryAfter, d, 'n/a', 'no delivery was refused')];
      const wait = gaps(first)[0];
      const asked = (RETRY_AFTER_S * 1000) / timeScale;
      if (wait === undefined)
        return [
          row(
            HEADS.retryAfter,
            d,
            'fail',
            `${ids([first[0]!])} answered 503 with Retry-After: ${RETRY_AFTER_S} and was never sent again`,
            first,
          ),
        ];
      return [
        wait >= asked * 0.9
          ? row(
              HEADS.retryAfter,
              d,
              'pass',
              `waited ${Math.round(wait)} ms (asked ${Math.round(asked)} ms)`,
              first,
              [wait],
            )
          : row(
              HEADS.retryAfter,
              d,
              'fail',
              `retried after ${Math.round(wait)} ms although Retry-After asked ${Math.round(asked)} ms`,
              first,
              [wait],
            ),
      ];
    }
    case 'give-up': {
      const g = attemptsByBody(r.hooks)[0]!;
      if (g.length > 10)
        return [
          row(
            HEADS.giveUp,
            d,
            'fail',
            `${g.length} attempts against a receiver that always fails (more than 10)`,
            g,
            gaps(g),
          ),
        ];
      if (r.timedOut)
        return [
          row(
            HEADS.giveUp,
            d,
            'fail',
            `still retrying when the scenario ended (${g.length} attempts)`,
            g,
            gaps(g),
          ),
        ];
      if (g.length === 1)
        return [row(HEADS.giveUp, d, 'n/a', 'no retries at all (see retries after 500)', g)];
      const span = g.at(-1)!.capture.receivedAt - g[0]!.capture.receivedAt;
      return [
        row(
          HEADS.giveUp,
          d,
          'pass',
          `gave up after ${g.length} attempts over ${Math.round(span)} ms`,
          g,
          gaps(g),
        ),
      ];
    }
    case 'client-error': {
      if (!first) return [row(HEADS.clientError, d, 'n/a', 'no delivery was refused')];
      return [
        first.length > 1
          ? row(
              HEADS.clientError,
              d,
              'fail',
              `a 400 is a permanent refusal, yet ${ids(first)} repeat it`,
              first,
              gaps(first),
            )
          : row(
              HEADS.clientError,
              d,
              'pass',
              `${ids(first)} answered 400 and was not repeated`,
              first,
            ),
      ];
    }
    case 'slow': {
      const g = attemptsByBody(r.hooks)[0]!;
      return [
        g.length > 1
          ? row(
              HEADS.slow,
              d,
              'fail',
              `sent again although the receiver answered 200 after ${Math.round(w.slowMs)} ms (a timeout shorter than that?)`,
              g,
              gaps(g),
            )
          : row(
              HEADS.slow,
              d,
              'pass',
              `waited for a receiver answering after ${Math.round(w.slowMs)} ms`,
              g,
              [w.slowMs],
            ),
      ];
    }
    case 'receiver-down': {
      const t = terminalHooks(r.hooks).filter(ok2xx);
      // Standard dialects push every event: the one on the dropped connection must come again.
      const pushed = new Set(r.hooks.map((h) => h.state));
      const lost =
        r.spec.dialect === 'tutorial' ? [] : r.streamStates.filter((x) => !pushed.has(x));
      if (lost.length)
        return [
          row(
            HEADS.down,
            d,
            'fail',
            `the webhook for ${lost.join(', ')} went out on the dropped connection and never came again (no retry on network errors)`,
            r.hooks,
          ),
        ];
      return [
        t.length
          ? row(
              HEADS.down,
              d,
              'pass',
              `delivered every state up to ${t[0]!.state} although its first connection was dropped`,
              r.hooks,
              [t[0]!.capture.receivedAt - r.startedAt],
            )
          : row(
              HEADS.down,
              d,
              'fail',
              `after the first connection was dropped, no terminal webhook arrived (${r.hooks.length} other webhook(s))`,
              r.hooks,
            ),
      ];
    }
    case 'timeout': {
      const g = attemptsByBody(r.hooks)[0]!;
      const hang = Math.round(w.hangMs);
      if (g.length > 1)
        return [
          row(
            HEADS.timeout,
            d,
            'pass',
            `gave up waiting and sent it again after ${Math.round(gaps(g)[0]!)} ms (the receiver took ${hang} ms)`,
            g,
            gaps(g),
          ),
        ];
      return [
        row(
          HEADS.timeout,
          d,
          'n/a',
          `waited the receiver's ${hang} ms without retrying (its timeout is longer)`,
          g,
          [hang],
        ),
      ];
    }
    default: {
      const t = terminalHooks(r.hooks);
      return [
        t.length
          ? row(
              HEADS.disconnect,
              d,
              'pass',
              `${t[0]!.state} pushed after the client disconnected`,
              t,
              [t[0]!.capture.receivedAt - r.startedAt],
            )
          : row(
              HEADS.disconnect,
              d,
              'fail',
              `no terminal webhook after the client disconnected (${r.hooks.length} other webhook(s))`,
              r.hooks,
            ),
      ];
    }
  }
}
