// What every domain service receives from the engine: the database, live settings, the event
// emitter and facts about the running receiver. Domain code depends on this, never on engine.ts.
import type { EngineEvent } from '../../shared/events';
import type { Settings } from '../../shared/model';
import type { SecretCodec } from './settings';
import type { Db } from './store/open-store';

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
  /** At-rest encoding of secrets stored in the database (Electron safeStorage), if any. */
  secretCodec?: SecretCodec;
  /** Registers work to run when the engine stops, before the store closes (e.g. cancel bulk jobs). */
  onStop?(cleanup: () => void | Promise<void>): void;
}
