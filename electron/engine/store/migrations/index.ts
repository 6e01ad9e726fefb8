// The ordered list of schema migrations. Each domain owns one file; versions never change once
// released. Add a migration by appending one import and one entry.
import { capturesMigration } from './001-captures';
import { demoMigration } from './002-demo';
import { agentsMigration } from './003-agents';
import { replaysMigration } from './004-replays';
import { pushTokensMigration } from './005-push-tokens';
import { hostileAgentsMigration } from './006-hostile-agents';
import { answerRuleMigration } from './007-answer-rule';
import { captureOriginMigration } from './008-capture-origin';
import { replayBodyRefMigration } from './011-replay-body-ref';
import { lintAtIngestMigration } from './012-lint-at-ingest';
import { dropSettingsTableMigration } from './013-drop-settings-table';
import { transportsMigration } from './009-transports';
import { grpcWireMigration } from './010-grpc-wire';
import { frameStateIndexMigration } from './014-frame-state-index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  capturesMigration,
  demoMigration,
  agentsMigration,
  replaysMigration,
  pushTokensMigration,
  hostileAgentsMigration,
  answerRuleMigration,
  captureOriginMigration,
  replayBodyRefMigration,
  lintAtIngestMigration,
  dropSettingsTableMigration,
  transportsMigration,
  grpcWireMigration,
  frameStateIndexMigration,
];
