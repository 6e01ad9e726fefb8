// push_tokens table: every notification token Switchboard registered with an agent, for which
// task and push config. Tokens are secrets, kept like the settings' secrets (in the 0600 store
// of the 0700 data dir), looked up by SHA-256, never returned to the renderer (see maskToken).
import { createHash } from 'node:crypto';
import type { RegisteredToken, RegisteredTokens } from '../../../shared/verify/index';
import type { Db } from './open-store';

function sha256(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What the API shows of a token: its length, never a character of it. */
export function maskToken(token: string): string {
  return `••• (${token.length} chars)`;
}

export function createPushTokensRepo(db: Db) {
  const insert = db.prepare(`INSERT OR IGNORE INTO push_tokens
    (token_sha256, token, agent_id, task_id, config_id, created_at, kind)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const bind = db.prepare(`UPDATE push_tokens SET task_id = COALESCE(task_id, ?),
    config_id = COALESCE(?, config_id) WHERE token_sha256 = ?`);
  const byHash = db.prepare(
    'SELECT task_id, config_id, kind FROM push_tokens WHERE token_sha256 = ?',
  );
  const countTask = db.prepare('SELECT COUNT(*) AS n FROM push_tokens WHERE task_id = ?');
  const tokensOfTask = db.prepare('SELECT token FROM push_tokens WHERE task_id = ?');

  const lookup: RegisteredTokens = {
    // Why a hash lookup: the key compared in SQL is the SHA-256 of the attacker's input, so the
    // index reveals nothing about stored tokens; the tokens themselves stay encoded at rest.
    find(token: string): RegisteredToken | null {
      if (!db.open || token === '') return null;
      const r = byHash.get(sha256(token)) as
        | { task_id: string | null; config_id: string | null; kind: string }
        | undefined;
      if (!r) return null;
      const kind = r.kind === 'authorization' ? 'authorization' : 'token';
      return { taskId: r.task_id, configId: r.config_id, kind };
    },
    countForTask(taskId: string): number {
      if (!db.open) return 0;
      return (countTask.get(taskId) as { n: number }).n;
    },
  };

  return {
    ...lookup,
    /** Records a token (or an `authentication` credential) Switchboard is about to hand an agent. */
    register(t: {
      token: string;
      agentId: number;
      taskId: string | null;
      configId?: string | null;
      kind?: 'token' | 'authorization';
    }) {
      insert.run(
        sha256(t.token),
        t.token,
        t.agentId,
        t.taskId,
        t.configId ?? null,
        Date.now(),
        t.kind ?? 'token',
      );
    },
    /** The agent named the task (or the config id) a registered token is for. */
    bind(token: string, taskId: string | null, configId: string | null = null): void {
      bind.run(taskId, configId, sha256(token));
    },
    /** The plain tokens of a task, e.g. to keep them out of the wire log. */
    tokensOf(taskId: string): string[] {
      return (tokensOfTask.all(taskId) as { token: string }[]).map((r) => r.token);
    },
  };
}

export type PushTokensRepo = ReturnType<typeof createPushTokensRepo>;
