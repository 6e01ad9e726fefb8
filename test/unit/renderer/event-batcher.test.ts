import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/events';
import {
  createEventBatcher,
  HIDDEN_FLUSH_MS,
  MIN_FLUSH_GAP_MS,
  type FrameScheduler,
} from '../../../renderer/state/event-batcher';

function manualScheduler(hidden = false) {
  const frames: (() => void)[] = [];
  const timers: { cb: () => void; ms: number }[] = [];
  const clock = { ms: 1000 };
  const scheduler: FrameScheduler = {
    requestFrame: (cb) => void frames.push(cb),
    setTimer: (cb, ms) => void timers.push({ cb, ms }),
    isHidden: () => hidden,
    now: () => clock.ms,
  };
  return { scheduler, frames, timers, clock };
}

const ev = (id: number): EngineEvent => ({ type: 'capture-deleted', id });

describe('createEventBatcher', () => {
  it('applies all events of a frame in one batch', () => {
    const batches: EngineEvent[][] = [];
    const { scheduler, frames, clock } = manualScheduler();
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    for (let i = 1; i <= 100; i++) b.push(ev(i));
    expect(frames).toHaveLength(1);
    expect(batches).toHaveLength(0);
    frames[0]!();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(100);
    clock.ms += MIN_FLUSH_GAP_MS; // a quiet spell: the next event goes on the next frame
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
    const { scheduler, frames, timers, clock } = manualScheduler(false);
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    b.push(ev(1));
    frames[0]!(); // the first batch goes with its frame
    clock.ms += MIN_FLUSH_GAP_MS;
    b.push(ev(2)); // a second batch waits for the next frame
    timers[0]!.cb(); // the first batch's fallback fires 500 ms later
    expect(batches).toEqual([[ev(1)]]);
    frames[1]!();
    expect(batches).toEqual([[ev(1)], [ev(2)]]);
    timers[1]!.cb();
    expect(batches).toHaveLength(2);
  });

  it('a batch soon after another waits out the gap, then takes a frame', () => {
    const batches: EngineEvent[][] = [];
    const { scheduler, frames, timers, clock } = manualScheduler(false);
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    b.push(ev(1));
    frames[0]!();
    clock.ms += 10;
    b.push(ev(2));
    b.push(ev(3));
    expect(frames).toHaveLength(1); // no frame yet: 10 ms after the last batch
    const gap = timers.find((t) => t.ms === MIN_FLUSH_GAP_MS - 10);
    expect(gap).toBeDefined();
    clock.ms += MIN_FLUSH_GAP_MS - 10;
    gap!.cb();
    expect(batches).toEqual([[ev(1)]]); // the gap asks for a frame; the frame applies
    expect(frames).toHaveLength(2);
    frames[1]!();
    expect(batches).toEqual([[ev(1)], [ev(2), ev(3)]]);
  });

  it('the hidden-page fallback still flushes a batch waiting out the gap', () => {
    const batches: EngineEvent[][] = [];
    const { scheduler, frames, timers, clock } = manualScheduler(false);
    const b = createEventBatcher((x) => batches.push(x), scheduler);
    b.push(ev(1));
    frames[0]!();
    clock.ms += 1;
    b.push(ev(2));
    timers.find((t) => t.ms === HIDDEN_FLUSH_MS && timers.indexOf(t) > 0)!.cb();
    expect(batches).toEqual([[ev(1)], [ev(2)]]);
  });
});
