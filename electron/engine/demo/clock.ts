// Demo time: every delay the agents wait (task steps, retry backoff) is divided by `speed`, so
// tests and impatient users can run the tutorial's 30-second tasks in well under a second.
// Sleeps end early, with an AbortError, when their signal aborts (task canceled, agent stopped).

export interface DemoClock {
  readonly speed: number;
  /** A tutorial delay in ms, divided by speed. */
  scale(ms: number): number;
  /** Waits scale(ms); rejects with the signal's reason when it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const SPEED_ENV = 'SWITCHBOARD_DEMO_SPEED';

export function parseSpeed(value: string | number): number {
  const speed = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(speed) || speed <= 0 || speed > 10_000) {
    throw new Error(`speed must be a number above 0 and at most 10000 (got "${value}")`);
  }
  return speed;
}

/** SWITCHBOARD_DEMO_SPEED when set, else undefined. */
export function speedFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env[SPEED_ENV];
  return raw ? parseSpeed(raw) : undefined;
}

export function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted', 'AbortError');
}

export function createClock(speed = 1): DemoClock {
  const factor = parseSpeed(speed);
  const scale = (ms: number) => Math.max(0, Math.round(ms / factor));
  return {
    speed: factor,
    scale,
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(abortError(signal));
        const onAbort = () => {
          clearTimeout(timer);
          reject(abortError(signal!));
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, scale(ms));
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
