// The push_tokens table (migration 5): tokens found by their SHA-256 only, bound to their task once the agent names it; plain tokens that older rows
// of a2a_tasks kept are removed by the migration.
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/engine/store/open-store';
import { createPushTokensRepo, maskToken } from '../../../electron/engine/store/push-tokens-repo';
import { tempDataDir } from '../../helpers/engine-fixture';

let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('push tokens repo', () => {
  it('finds tokens by value, binds the task once, masks them', () => {
    dir = tempDataDir();
    db = openDatabase(dir);
    db.prepare(
      `INSERT INTO agents (base_url, card_url, card, validation, detected_version, created_at, updated_at)
       VALUES ('http://a/', 'http://a/card', '{}', '{}', '1.0', 0, 0)`,
    ).run();
    const repo = createPushTokensRepo(db);
    const token = 'test-token-0123456789abcdef';
    repo.register({ token, agentId: 1, taskId: null });
    expect(repo.find(token)).toEqual({ taskId: null, configId: null, kind: 'token' });
    repo.bind(token, 'task-1', 'cfg-1');
    repo.bind(token, 'task-2');
    expect(repo.find(token)).toEqual({ taskId: 'task-1', configId: 'cfg-1', kind: 'token' });
    expect(repo.find('other')).toBeNull();
    expect(repo.countForTask('task-1')).toBe(1);
    expect(repo.tokensOf('task-1')).toEqual([token]);
    const hashes = db.prepare('SELECT token_sha256 FROM push_tokens').all();
    expect(JSON.stringify(hashes)).not.toContain(token);
    // An `authentication` credential is kept the same way, and found as one (migration 7).
    const credential = 'test-credential-0123456789abcdef';
    repo.register({ token: credential, agentId: 1, taskId: 'task-1', kind: 'authorization' });
    expect(repo.find(credential)).toEqual({
      taskId: 'task-1',
      configId: null,
      kind: 'authorization',
    });
    expect(repo.tokensOf('task-1')).toEqual([token, credential]);
    expect(maskToken(token)).toBe(`••• (${token.length} chars)`);
  });
});
