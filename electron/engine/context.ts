// What every domain service receives from the engine: the database, live settings, the event
// emitter and facts about the running receiver. Domain code depends on this, never on engine.ts.
import type { EngineEvent } from '../../shared/events';
import type { Settings } from '../../shared/model';
import type { Db } from './store/open-store';
import type { ReplayMarks } from './replay/replay-marks';
import type { PushTokensRepo } from './store/push-tokens-repo';

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
  /** Base URL of Switchboard's own webhook receiver, e.g. http://127.0.0.1:9000 */
  receiverUrl(): string;
  /** Registers work to run when the engine stops, before the store closes (e.g. cancel bulk jobs). */
  onStop?(cleanup: () => void | Promise<void>): void;
  /** Replays sent to our own receiver are announced here, so they are captured as "replay". */
  replayMarks?: ReplayMarks;
  /** The push tokens and credentials Switchboard registered: the client writes, the receiver's
   *  notification-token check reads (one repo for both). */
  pushTokens: PushTokensRepo;
}
