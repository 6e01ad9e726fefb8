// The demo agents' delivery log in SQLite (table demo_deliveries, migration 2): one row per
// attempt, newest first with a cursor, and the success rate over finished deliveries.
import type {
  DeliveryAttempt,
  DeliveryPage,
  DeliveryStats,
  DemoAgentName,
} from '../../../shared/api/demo';
import { statementsBySql } from '../store/kept-statements';
import type { Db } from '../store/open-store';
import type { AttemptRecord } from './delivery';

interface Row {
  id: number;
  delivery_id: string;
  agent: DeliveryAttempt['agent'];
  dialect: DeliveryAttempt['dialect'];
  task_id: string;
  url: string;
  attempt: number;
  at: number;
  delay_ms: number;
  status: number | null;
  latency_ms: number;
  error: string | null;
  outcome: DeliveryAttempt['outcome'];
  warning: string | null;
}

function toAttempt(r: Row): DeliveryAttempt {
  return {
    id: r.id,
    deliveryId: r.delivery_id,
    agent: r.agent,
    dialect: r.dialect,
    taskId: r.task_id,
    url: r.url,
    attempt: r.attempt,
    at: r.at,
    delayMs: r.delay_ms,
    status: r.status,
    latencyMs: r.latency_ms,
    error: r.error,
    outcome: r.outcome,
    warning: r.warning,
  };
}

export function createDeliveriesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO demo_deliveries
    (delivery_id, agent, dialect, task_id, url, attempt, at, delay_ms, status, latency_ms, error, outcome, warning)
    VALUES (@deliveryId, @agent, @dialect, @taskId, @url, @attempt, @at, @delayMs, @status, @latencyMs, @error, @outcome, @warning)`);

  // Each query with and without its optional filters: prepared once per shape.
  const statement = statementsBySql(db, 8);

  /** Success rate over deliveries whose last attempt is final (delivered or failed). */
  const stats = (agent?: DemoAgentName): DeliveryStats => {
    const filter = agent ? 'WHERE agent = ?' : '';
    const args = agent ? [agent] : [];
    const row = statement(
      `SELECT
         (SELECT COUNT(*) FROM demo_deliveries ${filter}) AS attempts,
         SUM(outcome = 'delivered') AS delivered,
         SUM(outcome = 'failed') AS failed
       FROM demo_deliveries ${filter ? filter + ' AND' : 'WHERE'} outcome != 'retry'`,
    ).get(...args, ...args) as {
      attempts: number;
      delivered: number | null;
      failed: number | null;
    };
    const delivered = row.delivered ?? 0;
    const failed = row.failed ?? 0;
    const deliveries = delivered + failed;
    return {
      deliveries,
      delivered,
      failed,
      attempts: row.attempts,
      successRate: deliveries === 0 ? null : delivered / deliveries,
    };
  };

  return {
    insert(a: AttemptRecord): DeliveryAttempt {
      const info = insert.run(a);
      return { ...a, id: Number(info.lastInsertRowid) };
    },

    list(opts: {
      agent?: DemoAgentName | undefined;
      limit: number;
      cursor?: string | undefined;
    }): DeliveryPage {
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (opts.cursor) {
        where.push('id < ?');
        params.push(Number(opts.cursor));
      }
      if (opts.agent) {
        where.push('agent = ?');
        params.push(opts.agent);
      }
      const sql = `SELECT * FROM demo_deliveries ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY id DESC LIMIT ?`;
      const rows = statement(sql).all(...params, opts.limit + 1) as Row[];
      const items = rows.slice(0, opts.limit).map(toAttempt);
      const last = items[items.length - 1];
      return {
        items,
        nextCursor: rows.length > opts.limit && last ? String(last.id) : null,
        stats: stats(opts.agent),
      };
    },

    stats,

    clear(): number {
      return db.prepare('DELETE FROM demo_deliveries').run().changes;
    },
  };
}
