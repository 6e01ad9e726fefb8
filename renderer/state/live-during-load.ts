// A snapshot read from the engine (a list, a log) is older than the live events that arrive
// while it loads: applied as it comes, it would undo them. A tracker keeps the events of each
// load under way and applies them over its snapshot, in order. Applying an event the snapshot
// already has must change nothing (upserts by id), which every caller's `apply` ensures.
export function createLoadTracker<E>() {
  const loads = new Set<E[]>();
  return {
    /** A live event: kept for every load under way. */
    saw(event: E): void {
      for (const live of loads) live.push(event);
    },
    /** Reads a snapshot, then applies over it the events that came meanwhile. */
    async read<T>(snapshot: () => Promise<T>, apply: (state: T, event: E) => T): Promise<T> {
      const live: E[] = [];
      loads.add(live);
      try {
        const state = await snapshot();
        return live.reduce(apply, state);
      } finally {
        loads.delete(live);
      }
    },
  };
}
