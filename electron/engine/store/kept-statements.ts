// Prepared statements whose SQL varies: by a count (multi-row INSERTs, `IN (?, ?, …)` lists) or
// by which optional filters a query has. Each variant is prepared once and kept, up to a limit
// (past it, prepared per call and not kept).
import type Database from 'better-sqlite3';
import type { Db } from './open-store';

export function statementsByCount<P extends unknown[] = unknown[]>(
  db: Db,
  sqlFor: (count: number) => string,
  limit: number,
): (count: number) => Database.Statement<P> {
  return keptStatements(db, sqlFor, limit);
}

/** The statement of each SQL text (queries built from optional filters: a bounded set). */
export function statementsBySql<P extends unknown[] = unknown[]>(
  db: Db,
  limit: number,
): (sql: string) => Database.Statement<P> {
  return keptStatements(db, (sql) => sql, limit);
}

function keptStatements<K, P extends unknown[]>(
  db: Db,
  sqlFor: (key: K) => string,
  limit: number,
): (key: K) => Database.Statement<P> {
  const kept = new Map<K, Database.Statement<P>>();
  return (key) => {
    let st = kept.get(key);
    if (!st) {
      st = db.prepare<P>(sqlFor(key));
      if (kept.size < limit) kept.set(key, st);
    }
    return st;
  };
}

/** `n` copies of `group`, comma-separated: the placeholders of n rows or n values. */
export const repeatJoined = (group: string, n: number) =>
  new Array<string>(n).fill(group).join(', ');
