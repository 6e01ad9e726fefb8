// Queues engine events and hands them over in batches on animation frames, so a burst of
// webhooks causes one state update and one render per batch, not hundreds. Batches are at least
// MIN_FLUSH_GAP_MS apart: a render costs the page about the same whether it adds one live row or
// ten (6-7 ms of script, style, layout and paint on the main thread, docs/performance.md), so
// while events keep coming a batch waits out the gap, then takes the next frame. An event after
// a quiet spell still goes on the next frame. When the page is hidden, requestAnimationFrame
// stops firing, so a 500 ms timer takes over (the queue never grows forever).
import type { EngineEvent } from '../../shared/events';

export interface FrameScheduler {
  requestFrame(cb: () => void): void;
  setTimer(cb: () => void, ms: number): void;
  isHidden(): boolean;
  /** A monotonic clock, in milliseconds. */
  now(): number;
}

export const HIDDEN_FLUSH_MS = 500;
/** Least time between two batches: at most 20 renders a second for a stream of events. */
export const MIN_FLUSH_GAP_MS = 50;

export function browserScheduler(): FrameScheduler {
  return {
    requestFrame: (cb) => void requestAnimationFrame(() => cb()),
    setTimer: (cb, ms) => void setTimeout(cb, ms),
    isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
    now: () => performance.now(),
  };
}

export function createEventBatcher(
  apply: (batch: EngineEvent[]) => void,
  scheduler: FrameScheduler,
): { push(event: EngineEvent): void; flush(): void; pending(): number } {
  let queue: EngineEvent[] = [];
  let scheduled = false;
  /** Which batch is waiting: a frame or timer set for an earlier one must not flush it. */
  let batchNo = 0;
  let lastFlushAt = -Infinity;
  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    lastFlushAt = scheduler.now();
    const batch = queue;
    queue = [];
    apply(batch);
  };
  return {
    push(event) {
      queue.push(event);
      if (scheduled) return;
      scheduled = true;
      const mine = ++batchNo;
      // Why the check: every batch leaves a fallback timer behind. Without it, the timer of a
      // batch flushed 500 ms ago would flush the current one at once, off the frame.
      const flushMine = () => scheduled && batchNo === mine && flush();
      if (scheduler.isHidden()) scheduler.setTimer(flushMine, HIDDEN_FLUSH_MS);
      else {
        const wait = lastFlushAt + MIN_FLUSH_GAP_MS - scheduler.now();
        if (wait > 0) scheduler.setTimer(() => scheduler.requestFrame(flushMine), wait);
        else scheduler.requestFrame(flushMine);
        // Fallback: if the page becomes hidden before the frame fires, the timer still flushes.
        scheduler.setTimer(flushMine, HIDDEN_FLUSH_MS);
      }
    },
    flush,
    pending: () => queue.length,
  };
}
