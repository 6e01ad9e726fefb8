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
      if (scheduler.isHidden()) scheduler.setTimer(flush, HIDDEN_FLUSH_MS);
      else {
        scheduler.requestFrame(flush);
        // Fallback: if the page becomes hidden before the frame fires, the timer still flushes.
        scheduler.setTimer(() => scheduled && flush(), HIDDEN_FLUSH_MS);
      }
    },
    flush,
    pending: () => queue.length,
  };
}
