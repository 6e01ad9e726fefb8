// Replays Switchboard sends to its own receiver are recorded as origin "replay", not "live": the
// replay service announces each such request (path + body hash) just before sending it, and the
// receiver takes the announcement when the request arrives. Announcements expire after a minute
// and are bounded, so a request that never arrives leaves nothing behind for long.
import { nodeCrypto } from '../captures/node-crypto';

const TTL_MS = 60_000;
const MAX = 10_000;

export interface ReplayMarks {
  expect(path: string, body: Uint8Array): void;
  /** True (once per announcement) when this request is a replay we sent. */
  take(path: string, body: Uint8Array): boolean;
}

export function createReplayMarks(now: () => number = Date.now): ReplayMarks {
  const pending = new Map<string, number[]>();
  const key = (path: string, body: Uint8Array) => `${path}\n${nodeCrypto.sha256Hex(body)}`;
  const prune = () => {
    const t = now();
    for (const [k, times] of pending) {
      const live = times.filter((at) => t - at < TTL_MS);
      if (live.length) pending.set(k, live);
      else pending.delete(k);
    }
  };
  return {
    expect(path, body) {
      if (pending.size >= MAX) prune();
      if (pending.size >= MAX) return;
      const k = key(path, body);
      pending.set(k, [...(pending.get(k) ?? []), now()]);
    },
    take(path, body) {
      if (pending.size === 0) return false;
      const k = key(path, body);
      const times = (pending.get(k) ?? []).filter((at) => now() - at < TTL_MS);
      if (times.length === 0) {
        pending.delete(k);
        return false;
      }
      times.shift();
      if (times.length) pending.set(k, times);
      else pending.delete(k);
      return true;
    },
  };
}
