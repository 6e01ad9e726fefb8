// Audit log of the receiver: rejected requests (too large, aborted, enforce-mode refusals),
// answered endpoint challenges and internal errors. Nothing the receiver turns away is silent.
import type { AuditEntry, Page } from '../../../shared/model';
import type { Db } from './open-store';

export type NewAuditEntry = Omit<AuditEntry, 'id'>;

interface Row {
  id: number;
  at: number;
  kind: AuditEntry['kind'];
  method: string;
  path: string;
  status: number;
  reason: string;
  remote_address: string;
}

export function createAuditRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO audit (at, kind, method, path, status, reason, remote_address) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const newest = db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?');
  const olderThan = db.prepare('SELECT * FROM audit WHERE id < ? ORDER BY id DESC LIMIT ?');
  return {
    insert(e: NewAuditEntry): AuditEntry {
      const info = insert.run(e.at, e.kind, e.method, e.path, e.status, e.reason, e.remoteAddress);
      return { id: Number(info.lastInsertRowid), ...e };
    },
    list(limit: number, cursor?: string): Page<AuditEntry> {
      const rows = (
        cursor ? olderThan.all(Number(cursor), limit + 1) : newest.all(limit + 1)
      ) as Row[];
      const items = rows.slice(0, limit).map((r) => ({
        id: r.id,
        at: r.at,
        kind: r.kind,
        method: r.method,
        path: r.path,
        status: r.status,
        reason: r.reason,
        remoteAddress: r.remote_address,
      }));
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > limit && last ? String(last.id) : null };
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
