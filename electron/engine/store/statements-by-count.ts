// Prepared statements whose SQL depends on a count (multi-row INSERTs, `IN (?, ?, …)` lists):
// prepared once per count and kept, up to a limit (past it, prepared per call and not kept).
import type Database from 'better-sqlite3';
import type { Db } from './open-store';

export function statementsByCount<P extends unknown[] = unknown[]>(
  db: Db,
  sqlFor: (count: number) => string,
  limit: number,
): (count: number) => Database.Statement<P> {
  const kept = new Map<number, Database.Statement<P>>();
  return (count) => {
    let st = kept.get(count);
    if (!st) {
      st = db.prepare<P>(sqlFor(count));
      if (kept.size < limit) kept.set(count, st);
    }
    return st;
  };
}

/** `n` copies of `group`, comma-separated: the placeholders of n rows or n values. */
export const repeatJoined = (group: string, n: number) =>
  new Array<string>(n).fill(group).join(', ');
