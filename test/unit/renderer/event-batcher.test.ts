import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import {
  createEventBatcher,
  HIDDEN_FLUSH_MS,
  type FrameScheduler,
} from '../../../renderer/state/event-batcher';

function manualScheduler(hidden = false) {
  const frames: (() => void)[] = [];
  const timers: { cb: () => void; ms: number }[] = [];
  const scheduler: FrameScheduler = {
    requestFrame: (cb) => void frames.push(cb),
    setTimer: (cb, ms) => void timers.push({ cb, ms }),
    isHidden: () => hidden,
  };
  return { scheduler, frames, timers };
}

const ev = (id: number): EngineEvent => ({ type: 'capture-deleted', id });

describe('createEventBatcher', () => {
  it('applies all events of a frame in one batch', () => {
    const batches: EngineEvent[][] = [];
    const { scheduler, frames } = manualScheduler();
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    for (let i = 1; i <= 100; i++) b.push(ev(i));
    expect(frames).toHaveLength(1);
    expect(batches).toHaveLength(0);
    frames[0]!();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(100);
    b.push(ev(101));
    expect(frames).toHaveLength(2);
  });

  it('uses a 500 ms timer when the page is hidden', () => {
    const batches: EngineEvent[][] = [];
    const { scheduler, frames, timers } = manualScheduler(true);
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    b.push(ev(1));
    b.push(ev(2));
    expect(frames).toHaveLength(0);
    expect(timers).toEqual([expect.objectContaining({ ms: HIDDEN_FLUSH_MS })]);
    timers[0]!.cb();
    expect(batches).toEqual([[ev(1), ev(2)]]);
  });

  it('the fallback timer flushes if no frame comes, and never double-applies', () => {
    const batches: EngineEvent[][] = [];
    const { scheduler, frames, timers } = manualScheduler(false);
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    b.push(ev(1));
    timers[0]!.cb(); // page hidden before the frame: rAF never fires
    frames[0]!(); // late frame: nothing left
    expect(batches).toEqual([[ev(1)]]);
    expect(b.pending()).toBe(0);
  });

  it("a batch's leftover fallback timer does not flush a later batch off the frame", () => {
    const batches: EngineEvent[][] = [];
    const { scheduler, frames, timers } = manualScheduler(false);
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    b.push(ev(1));
    frames[0]!(); // the first batch goes with its frame
    b.push(ev(2)); // a second batch waits for the next frame
    timers[0]!.cb(); // the first batch's fallback fires 500 ms later
    expect(batches).toEqual([[ev(1)]]);
    frames[1]!();
    expect(batches).toEqual([[ev(1)], [ev(2)]]);
    timers[1]!.cb();
    expect(batches).toHaveLength(2);
  });
});
