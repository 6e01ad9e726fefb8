// Group commit: writes queued during one event-loop turn are committed together in a single
// SQLite transaction, and each caller's promise settles only after that commit. Under a burst
// this turns N commits into one while keeping "acknowledged means on disk".
import type { Db } from './open-store';

interface Pending<T> {
  run: () => T;
  resolve: (value: T) => void;
  reject: (err: Error) => void;
}

export interface GroupCommit {
  /** Runs `write` inside the next shared transaction; resolves after it has committed. */
  enqueue<T>(write: () => T): Promise<T>;
  /** A place in arrival order for a write that is prepared asynchronously: `ready` settles once
   *  every earlier turn is done (queued its write, or gave up); call `done` exactly once. */
  takeTurn(): { ready: Promise<void>; done: () => void };
}

export function createGroupCommit(db: Db): GroupCommit {
  let queue: Pending<unknown>[] = [];
  let scheduled = false;
  let lastTurn: Promise<void> = Promise.resolve();

  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    const results: { ok: boolean; value: unknown }[] = [];
    try {
      db.transaction(() => {
        for (const item of batch) {
          // One failing write must not take the others down with it: savepoint per item.
          try {
            results.push({ ok: true, value: db.transaction(item.run)() });
          } catch (err) {
            results.push({ ok: false, value: err });
          }
        }
      })();
    } catch (err) {
      for (const item of batch) item.reject(err as Error);
      return;
    }
    batch.forEach((item, i) => {
      const r = results[i]!;
      if (r.ok) item.resolve(r.value);
      else item.reject(r.value as Error);
    });
  };

  return {
    takeTurn() {
      const ready = lastTurn;
      let done!: () => void;
      lastTurn = new Promise<void>((resolve) => (done = resolve));
      return { ready, done };
    },
    enqueue<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run: write, resolve, reject } as Pending<unknown>);
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      });
    },
  };
}
