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
  /** Runs `write` inside the next shared transaction; resolves after it has committed. `write`
   *  must only touch the database: after another write's failure it runs again. */
  enqueue<T>(write: () => T): Promise<T>;
  /** A place in arrival order for a write that is prepared asynchronously: `ready` settles once
   *  every earlier turn is done (queued its write, or gave up); call `done` exactly once. */
  takeTurn(): { ready: Promise<void>; done: () => void };
}

export function createGroupCommit(db: Db): GroupCommit {
  let queue: Pending<unknown>[] = [];
  let scheduled = false;
  let lastTurn: Promise<void> = Promise.resolve();

  // Optimistic: the whole batch in one transaction. When a write throws, everything rolls back
  // and the batch runs again with a savepoint per write, so that one failure takes no other
  // write down with it. Writes therefore only touch the database (they may run twice).
  const runAll = db.transaction((batch: Pending<unknown>[]) => batch.map((item) => item.run()));
  const runEach = db.transaction((batch: Pending<unknown>[]) =>
    batch.map((item) => {
      try {
        return { ok: true, value: db.transaction(item.run)() };
      } catch (err) {
        return { ok: false, value: err };
      }
    }),
  );

  const flush = () => {
    scheduled = false;
    const batch = queue;
    queue = [];
    let results: { ok: boolean; value: unknown }[];
    try {
      results = runAll(batch).map((value) => ({ ok: true, value }));
    } catch {
      try {
        results = runEach(batch);
      } catch (err) {
        for (const item of batch) item.reject(err as Error);
        return;
      }
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
