// The one zustand store: captures, detail, selection, settings and ui slices (flat), and the
// domain slices under their own key (agents, demo), wired to a bridge.
// Engine events go through the per-frame batcher, then each slice applies the batch it cares about.
// Components select single fields with useApp(s => s.field).
import { createStore, useStore, type StoreApi } from 'zustand';
import type { SwitchboardApi } from '../../shared/api';
import type { EngineEvent } from '../../shared/events';
import type { Bridge } from '../bridge/types';
import { createAgentsSlice } from './agents-slice';
import { createCapturesSlice } from './captures-slice';
import { createDemoSlice } from './demo-slice';
import { createDetailSlice } from './detail-slice';
import { browserScheduler, createEventBatcher, type FrameScheduler } from './event-batcher';
import { createSelectionSlice } from './selection-slice';
import { createSettingsSlice } from './settings-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

export type AppStore = StoreApi<AppState>;

export function createAppStore(bridge: Bridge): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createCapturesSlice(bridge.api)(...a),
    ...createDetailSlice(bridge.api)(...a),
    ...createSelectionSlice(bridge.api)(...a),
    ...createSettingsSlice(bridge.api)(...a),
    ...createUiSlice()(...a),
    ...createAgentsSlice(bridge.api)(...a),
    ...createDemoSlice(bridge.api)(...a),
  }));
}

export function applyEngineEvents(store: AppStore, batch: EngineEvent[]): void {
  const s = store.getState();
  s.applyCaptureEvents(batch);
  s.applyDetailEvents(batch);
  s.applySettingsEvents(batch);
  s.agents.applyBatch(batch);
  s.demo.applyBatch(batch);
}

/** Connects the store to the bridge's events and connection; returns a disconnect function. */
export function connectStore(
  store: AppStore,
  bridge: Bridge,
  scheduler: FrameScheduler = browserScheduler(),
): () => void {
  const batcher = createEventBatcher((batch) => {
    applyEngineEvents(store, batch);
    for (const l of batchListeners) l(batch);
  }, scheduler);
  const offEvents = bridge.onEvent((e) => batcher.push(e));
  let wasDown = false;
  const offConn = bridge.onConnection((state) => {
    store.getState().setConnection(state);
    if (state !== 'open') wasDown = wasDown || state === 'reconnecting';
    else if (wasDown) {
      // Events sent while disconnected are lost: resynchronise from the store.
      wasDown = false;
      void store.getState().loadFirstPage();
      void store.getState().loadSettings();
    }
  });
  return () => {
    offEvents();
    offConn();
  };
}

const batchListeners = new Set<(batch: EngineEvent[]) => void>();

/** For views with their own state (agents, replay...): engine events in the same per-frame
 *  batches the store gets. Returns the unsubscribe function. */
export function onEngineBatch(listener: (batch: EngineEvent[]) => void): () => void {
  batchListeners.add(listener);
  return () => batchListeners.delete(listener);
}

let appStore: AppStore | null = null;
let appApi: SwitchboardApi | null = null;

export function setAppStore(store: AppStore, api: SwitchboardApi): void {
  appStore = store;
  appApi = api;
}

/** The typed API (IPC or HTTP, whichever bridge is active) for views that call it directly. */
export function getApi(): SwitchboardApi {
  if (!appApi) throw new Error('bridge not initialised');
  return appApi;
}

export function getAppStore(): AppStore {
  if (!appStore) throw new Error('app store not initialised');
  return appStore;
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(getAppStore(), selector);
}
