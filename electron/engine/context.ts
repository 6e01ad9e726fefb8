// What every domain receives from the engine, built once per engine (createEngineContext): the
// database and its shared repos, live settings, the event emitter, a log line output and facts
// about the running receiver. Domain code depends on this, never on engine.ts.
import type { EngineHandlers } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import type { Settings } from '../../shared/model';
import { createReplayMarks, type ReplayMarks } from './replay/replay-marks';
import { createResponseRules, type ResponseRules } from './captures/receiver/response-rules';
import { createAuditRepo, type AuditRepo } from './store/audit-repo';
import { createCapturesRepo, type CapturesRepo } from './store/captures-repo';
import { createGroupCommit, type GroupCommit } from './store/group-commit';
import { createJtiRepo, type JtiRepo } from './store/jti-repo';
import type { Db } from './store/open-store';
import { createPushTokensRepo, type PushTokensRepo } from './store/push-tokens-repo';
import { APP_VERSION } from './version';

export interface SettingsSource {
  /** Current effective settings (env over saved over defaults). */
  get(): Settings;
  /** Called after every change with the new settings. Returns an unsubscribe function. */
  onChange(listener: (settings: Settings) => void): () => void;
}

export interface EngineContext {
  db: Db;
  dataDir: string;
  settings: SettingsSource;
  emit(event: EngineEvent): void;
  /** Where engine code writes a diagnostic line (never console or process directly). */
  log(line: string): void;
  /** Base URL of Switchboard's own webhook receiver, e.g. http://127.0.0.1:9000 */
  receiverUrl(): string;
  version: string;
  captures: CapturesRepo;
  audit: AuditRepo;
  jti: JtiRepo;
  /** Shares write transactions between concurrent writers (the receiver's burst path). */
  commit: GroupCommit;
  /** The receiver's response rules: the receiver matches, the API edits (one set). */
  responseRules: ResponseRules;
  /** Replays sent to our own receiver are announced here, so they are captured as "replay". */
  replayMarks: ReplayMarks;
  /** The push tokens and credentials Switchboard registered: the client writes, the receiver's
   *  notification-token check reads (one repo for both). */
  pushTokens: PushTokensRepo;
}

/** One engine domain: its API handlers, and what it starts and stops with the engine. */
export interface EngineDomain {
  handlers: Partial<EngineHandlers>;
  start?(): void | Promise<void>;
  /** Runs before the store closes, in reverse order of the domain list. */
  stop?(): void | Promise<void>;
}

export function createEngineContext(parts: {
  db: Db;
  dataDir: string;
  settings: SettingsSource;
  emit(event: EngineEvent): void;
  receiverUrl(): string;
  log?(line: string): void;
}): EngineContext {
  const { db } = parts;
  return {
    log: (line) => console.error(line),
    ...parts,
    version: APP_VERSION,
    captures: createCapturesRepo(db),
    audit: createAuditRepo(db),
    jti: createJtiRepo(db),
    commit: createGroupCommit(db),
    responseRules: createResponseRules({ db }),
    replayMarks: createReplayMarks(),
    pushTokens: createPushTokensRepo(db),
  };
}
