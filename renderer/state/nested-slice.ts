// Domain slices (agents, demo, replay, audit) live under their own key of the one store, so their
// field names never collide. `nested` gives a slice the set/get of its own object.
import type { StoreApi } from 'zustand';
import type { SwitchboardApi } from '../../shared/api';
import type { AppState } from './types';

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

export function nested<K extends keyof AppState>(
  key: K,
  set: Set,
  get: Get,
): [(patch: Partial<AppState[K]>) => void, () => AppState[K]] {
  return [
    (patch) => set((s) => ({ [key]: { ...(s[key] as object), ...patch } }) as Partial<AppState>),
    () => get()[key],
  ];
}

/** The operations a domain owns, bound to the bridge: what its views call for one-shot answers
 *  that stay local to a panel (a fetched task, a report). The view never holds the bridge. */
export function pickOps<const N extends keyof SwitchboardApi>(
  api: SwitchboardApi,
  names: readonly N[],
): Pick<SwitchboardApi, N> {
  const out = {} as Pick<SwitchboardApi, N>;
  // Looked up at call time, so the bridge may be swapped or partly faked in tests.
  for (const n of names) {
    const call = (...args: unknown[]) => (api[n] as (...a: unknown[]) => unknown)(...args);
    out[n] = call as SwitchboardApi[N];
  }
  return out;
}
