// Settings slice: the effective settings (with where each value comes from), the receiver's
// state and the bridge's connection state. Saving never re-verifies: that is its own action, which
// reports how many verdicts changed.
import { errorText } from '../../shared/error-text';
import type { SwitchboardApi } from '../../shared/api';
import type { SettingsPatch } from '../../shared/api/captures';
import type { EngineEvent } from '../../shared/events';
import type { ReceiverInfo, SecretSettingKey, SettingsView, StoreInfo } from '../../shared/model';
import type { ConnectionState } from '../bridge/types';
import type { SliceCreator } from './types';

export interface SettingsSlice {
  settingsView: SettingsView | null;
  receiver: ReceiverInfo | null;
  connection: ConnectionState;
  settingsError: string | null;
  loadSettings(): Promise<void>;
  saveSettings(patch: SettingsPatch): Promise<void>;
  reverifyAll(): Promise<{ reverified: number; changed: number }>;
  regenerateSecret(key: SecretSettingKey): Promise<void>;
  /** A secret's value (settings views carry it masked). */
  revealSecret(key: SecretSettingKey): Promise<string>;
  /** The store's size and the last retention run (Settings › Retention). */
  storeInfo: StoreInfo | null;
  loadStoreInfo(): Promise<void>;
  setConnection(state: ConnectionState): void;
  applySettingsEvents(batch: EngineEvent[]): void;
}

export const createSettingsSlice =
  (api: SwitchboardApi): SliceCreator<SettingsSlice> =>
  (set) => ({
    settingsView: null,
    receiver: null,
    connection: 'connecting',
    settingsError: null,

    async loadSettings() {
      try {
        const [view, receiver] = await Promise.all([api.getSettings({}), api.receiverInfo({})]);
        set({ settingsView: view, receiver, settingsError: null });
      } catch (err) {
        set({ settingsError: errorText(err) });
      }
    },

    async saveSettings(patch) {
      const view = await api.updateSettings({ patch, reverify: false });
      set({ settingsView: view, settingsError: null });
    },

    reverifyAll: () => api.reverifyCaptures({}),

    async regenerateSecret(key) {
      const view = await api.regenerateSecret({ key });
      set({ settingsView: view });
    },

    storeInfo: null,
    async loadStoreInfo() {
      try {
        set({ storeInfo: await api.getStoreInfo({}) });
      } catch {
        set({ storeInfo: null });
      }
    },

    async revealSecret(key) {
      return (await api.revealSecret({ key })).value;
    },

    setConnection(state) {
      set({ connection: state });
    },

    applySettingsEvents(batch) {
      for (const e of batch) {
        if (e.type === 'settings') set({ settingsView: e.view });
        else if (e.type === 'receiver') set({ receiver: e.receiver });
      }
    },
  });
