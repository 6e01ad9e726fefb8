// Agents table: one row per agent added by base URL, with its card, validation, version and
// push-dialect and transport overrides and custom headers (secret values; callers mask them for display).
import type { CardValidation } from '../../../shared/a2a/validate-card';
import type { Transport } from '../../../shared/a2a/transports';
import type { ProtocolVersion, PushDialect } from '../../../shared/a2a/types';
import type { Db } from './open-store';

export interface AgentRow {
  id: number;
  baseUrl: string;
  cardUrl: string;
  card: unknown;
  validation: CardValidation;
  detectedVersion: ProtocolVersion;
  versionOverride: ProtocolVersion | null;
  pushDialect: PushDialect | null;
  /** The transport the user chose; null = the card's default. */
  transportOverride: Transport | null;
  headers: Record<string, string>;
  /** Other origins the user confirmed the custom headers may go to. */
  headerOrigins: string[];
  createdAt: number;
  updatedAt: number;
}

interface Raw {
  id: number;
  base_url: string;
  card_url: string;
  card: string;
  validation: string;
  detected_version: ProtocolVersion;
  version_override: ProtocolVersion | null;
  push_dialect: PushDialect | null;
  transport: Transport | null;
  headers: string;
  header_origins: string;
  created_at: number;
  updated_at: number;
}

export type NewAgent = Omit<AgentRow, 'id' | 'createdAt' | 'updatedAt' | 'transportOverride'> & {
  transportOverride?: Transport | null;
};

export function createAgentsRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO agents
    (base_url, card_url, card, validation, detected_version, version_override, push_dialect, headers, header_origins, transport, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const byId = db.prepare('SELECT * FROM agents WHERE id = ?');
  const all = db.prepare('SELECT * FROM agents ORDER BY id');
  const del = db.prepare('DELETE FROM agents WHERE id = ?');
  const update = db.prepare(`UPDATE agents SET base_url = ?, card_url = ?, card = ?, validation = ?,
    detected_version = ?, version_override = ?, push_dialect = ?, headers = ?, header_origins = ?, transport = ?, updated_at = ? WHERE id = ?`);

  return {
    insert(a: NewAgent): number {
      const now = Date.now();
      const info = insert.run(...columns(a), now, now);
      return Number(info.lastInsertRowid);
    },
    get(id: number): AgentRow | null {
      const r = byId.get(id) as Raw | undefined;
      return r ? toRow(r) : null;
    },
    list(): AgentRow[] {
      return (all.all() as Raw[]).map(toRow);
    },
    save(a: AgentRow): void {
      update.run(...columns(a), Date.now(), a.id);
    },
    delete(id: number): boolean {
      return del.run(id).changes > 0;
    },
  };
}

export type AgentsRepo = ReturnType<typeof createAgentsRepo>;

function toRow(r: Raw): AgentRow {
  return {
    id: r.id,
    baseUrl: r.base_url,
    cardUrl: r.card_url,
    card: JSON.parse(r.card) as unknown,
    validation: JSON.parse(r.validation) as CardValidation,
    detectedVersion: r.detected_version,
    versionOverride: r.version_override,
    pushDialect: r.push_dialect,
    transportOverride: r.transport,
    headers: JSON.parse(r.headers) as Record<string, string>,
    headerOrigins: JSON.parse(r.header_origins) as string[],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The stored columns shared by insert and update, in statement order. */
function columns(a: NewAgent) {
  return [
    a.baseUrl,
    a.cardUrl,
    JSON.stringify(a.card),
    JSON.stringify(a.validation),
    a.detectedVersion,
    a.versionOverride,
    a.pushDialect,
    JSON.stringify(a.headers),
    JSON.stringify(a.headerOrigins),
    a.transportOverride ?? null,
  ] as const;
}
