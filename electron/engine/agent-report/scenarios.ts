// The scenarios of the agent report and when each is settled. Waits scale with timeScale (the
// agent's clock speed-up, 1 for real agents): `retryWaitMs` is how long a failed delivery may
// stay unanswered before "no retry" is concluded.
import type { PushDialect } from '../../../shared/a2a/types';
import type { Transport } from '../../../shared/a2a/transports';
import { attemptsByBody, gaps, ok2xx, terminalHooks } from './check';
import type { ScenarioSpec, ScenarioState } from './scenario';

export const RETRY_AFTER_S = 3;
/** Past the spec's 10-30 s timeout advice: an agent should give up on this answer and retry. */
export const HANG_S = 35;

export interface Waits {
  quietMs: number;
  retryWaitMs: number;
  slowMs: number;
  hangMs: number;
}

export function waitsFor(timeScale: number): Waits {
  return {
    // After the terminal webhook: how long to listen for late duplicates.
    quietMs: Math.max(300, 1500 / timeScale),
    retryWaitMs: Math.max(400, 6000 / timeScale, (RETRY_AFTER_S * 1000 * 1.5) / timeScale),
    slowMs: Math.max(50, 2000 / timeScale),
    hangMs: Math.max(200, (HANG_S * 1000) / timeScale),
  };
}

const delivered = (s: ScenarioState) => terminalHooks(s.hooks).some(ok2xx);

/** Done when the terminal state was acknowledged and then nothing came for a while, or when a
 *  refused delivery got no retry within the retry wait (a stretched wait after long gaps). */
function settledWithRetries(w: Waits) {
  return (s: ScenarioState) => {
    if (delivered(s) && s.quietMs >= w.quietMs) return true;
    const lastGap = Math.max(0, ...attemptsByBody(s.hooks).flatMap(gaps));
    return s.hooks.length > 0 && s.quietMs >= Math.max(w.retryWaitMs, 3 * lastGap);
  };
}

export function deliverySpec(dialect: PushDialect, w: Waits): ScenarioSpec {
  return { name: 'delivery', dialect, settled: (s) => delivered(s) && s.quietMs >= w.quietMs };
}

/** The delivery scenario with the task driven over another transport the card offers. */
export function transportSpec(dialect: PushDialect, transport: Transport, w: Waits): ScenarioSpec {
  return { ...deliverySpec(dialect, w), name: 'transport', transport };
}

/** Every scenario of the primary dialect besides delivery. */
export function failureSpecs(dialect: PushDialect, w: Waits): ScenarioSpec[] {
  const retrying = settledWithRetries(w);
  return [
    { name: 'retry-500', dialect, rule: { status: 500, failNext: 2 }, settled: retrying },
    {
      name: 'retry-after',
      dialect,
      rule: { status: 503, failNext: 1, retryAfter: String(RETRY_AFTER_S) },
      settled: retrying,
    },
    // Always failing: settled when the agent stops (or keeps going past 10 attempts).
    {
      name: 'give-up',
      dialect,
      rule: { status: 500, failNext: 1_000_000 },
      settled: (s) =>
        attemptsByBody(s.hooks).some((g) => g.length > 10) ||
        (s.hooks.length > 0 &&
          s.quietMs >=
            Math.max(w.retryWaitMs, 3 * Math.max(0, ...attemptsByBody(s.hooks).flatMap(gaps)))),
    },
    { name: 'client-error', dialect, rule: { status: 400, failNext: 1 }, settled: retrying },
    {
      name: 'slow',
      dialect,
      rule: { status: 200, failNext: 1, delayMs: Math.round(w.slowMs) },
      settled: retrying,
    },
    // The receiver takes hangMs to answer the first delivery: done once it was sent again and
    // then acknowledged, or when nothing came for the hang plus the retry wait.
    {
      name: 'timeout',
      dialect,
      rule: { status: 200, failNext: 1, delayMs: Math.round(w.hangMs) },
      settled: (s) =>
        (s.hooks.length > 1 && s.hooks.slice(1).some(ok2xx) && s.quietMs >= w.quietMs) ||
        (s.hooks.length > 0 && s.quietMs >= w.hangMs + w.retryWaitMs),
    },
    // The first connection is reset: done once delivered, or quiet for the retry wait.
    { name: 'receiver-down', dialect, dropConnections: 1, settled: retrying },
    {
      name: 'disconnect',
      dialect,
      disconnect: true,
      settled: (s) => delivered(s) && s.quietMs >= w.quietMs,
    },
  ];
}
