// Queues engine events and hands them over in one batch per animation frame, so a burst of
// webhooks causes one state update and one render, not hundreds. When the page is hidden,
// requestAnimationFrame stops firing, so a 500 ms timer takes over (the queue never grows forever).
import type { EngineEvent } from '../../shared/events';

export interface FrameScheduler {
  requestFrame(cb: () => void): void;
  setTimer(cb: () => void, ms: number): void;
  isHidden(): boolean;
}

export const HIDDEN_FLUSH_MS = 500;

export function browserScheduler(): FrameScheduler {
  return {
    requestFrame: (cb) => void requestAnimationFrame(() => cb()),
    setTimer: (cb, ms) => void setTimeout(cb, ms),
    isHidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
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
  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
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
        scheduler.requestFrame(flushMine);
        // Fallback: if the page becomes hidden before the frame fires, the timer still flushes.
        scheduler.setTimer(flushMine, HIDDEN_FLUSH_MS);
      }
    },
    flush,
    pending: () => queue.length,
  };
}
