// The one zustand store: captures, detail, selection, settings and ui slices (flat), and the
// domain slices under their own key (agents, demo, replay, audit), wired to a bridge.
// Engine events go through the frame batcher, then each slice applies the batch it cares about.
// Components select single fields with useApp(s => s.field).
import { createStore, useStore, type StoreApi } from 'zustand';
import type { EngineEvent } from '../../shared/events';
import type { Bridge } from '../bridge/types';
import { createAgentsSlice } from './agents-slice';
import { createAuditSlice } from './audit-slice';
import { createCapturesSlice } from './captures-slice';
import { createDemoSlice } from './demo-slice';
import { createDetailSlice } from './detail-slice';
import { browserScheduler, createEventBatcher, type FrameScheduler } from './event-batcher';
import { createReplaySlice } from './replay-slice';
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
    ...createReplaySlice(bridge.api)(...a),
    ...createAuditSlice(bridge.api)(...a),
  }));
}

export function applyEngineEvents(store: AppStore, batch: EngineEvent[]): void {
  const s = store.getState();
  s.applyCaptureEvents(batch);
  s.applyDetailEvents(batch);
  s.applySettingsEvents(batch);
  s.agents.applyBatch(batch);
  s.demo.applyBatch(batch);
  s.replay.applyBatch(batch);
  s.audit.applyBatch(batch);
}

/** Connects the store to the bridge's events and connection; returns a disconnect function. */
export function connectStore(
  store: AppStore,
  bridge: Bridge,
  scheduler: FrameScheduler = browserScheduler(),
): () => void {
  const batcher = createEventBatcher((batch) => {
    applyEngineEvents(store, batch);
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

let appStore: AppStore | null = null;

export function setAppStore(store: AppStore): void {
  appStore = store;
}

export function getAppStore(): AppStore {
  if (!appStore) throw new Error('app store not initialised');
  return appStore;
}

export function useApp<T>(selector: (s: AppState) => T): T {
  return useStore(getAppStore(), selector);
}
