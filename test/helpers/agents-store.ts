// The agents slice alone in a zustand store, for unit tests: getState() is the slice's own object
// (as `s.agents` in the app store), subscribe() fires when the slice sets anything.
import { createStore } from 'zustand';
import type { SwitchboardApi } from '../../shared/api';
import { createAgentsSlice } from '../../renderer/state/agents-slice';
import type { AppState } from '../../renderer/state/types';

export function createAgentsStore(api: SwitchboardApi) {
  const store = createStore<AppState>()((...a) => createAgentsSlice(api)(...a) as AppState);
  return { getState: () => store.getState().agents, subscribe: store.subscribe };
}
