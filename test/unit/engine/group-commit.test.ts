// Group commit: concurrent writes share one transaction, each resolves after commit, and one
// failing write rejects alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createGroupCommit } from '../../../electron/engine/store/group-commit';
import { openDatabase } from '../../../electron/engine/store/open-store';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('commits a burst together and isolates a failing write', async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-gc-'));
  const db = openDatabase(dir);
  db.exec('CREATE TABLE t (v INTEGER NOT NULL UNIQUE)');
  const commit = createGroupCommit(db);
  const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
  let commits = 0;
  const results = await Promise.allSettled([
    commit.enqueue(() => insert.run(1).changes),
    commit.enqueue(() => insert.run(1).changes), // violates UNIQUE
    commit.enqueue(() => {
      commits = Number(db.inTransaction);
      return insert.run(2).changes;
    }),
  ]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  expect(commits).toBe(1); // the third write ran inside the shared transaction
  expect(db.prepare('SELECT v FROM t ORDER BY v').all()).toEqual([{ v: 1 }, { v: 2 }]);
  expect(db.inTransaction).toBe(false);
  db.close();
});
