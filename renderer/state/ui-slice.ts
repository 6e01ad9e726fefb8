// UI slice: which view is shown, the transient toast, and a counter that asks the search box to
// take focus (bumped by the `/` shortcut; a counter so repeated presses re-trigger).
import type { SliceCreator } from './types';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
}

export interface UiSlice {
  view: string;
  toast: Toast | null;
  searchFocusRequest: number;
  /** The keyboard cursor in the captures list (Enter opens it). */
  activeId: number | null;
  setActiveId(id: number | null): void;
  setView(view: string): void;
  showToast(text: string, tone?: Toast['tone']): void;
  dismissToast(id: number): void;
  requestSearchFocus(): void;
}

export const createUiSlice = (): SliceCreator<UiSlice> => (set, get) => {
  let toastSeq = 0;
  return {
    view: 'captures',
    toast: null,
    searchFocusRequest: 0,
    activeId: null,
    setActiveId: (activeId) => set({ activeId }),
    setView: (view) => set({ view }),
    showToast(text, tone = 'info') {
      const id = ++toastSeq;
      set({ toast: { id, text, tone } });
      setTimeout(() => get().dismissToast(id), tone === 'error' ? 6000 : 2500);
    },
    dismissToast(id) {
      if (get().toast?.id === id) set({ toast: null });
    },
    requestSearchFocus: () => set({ searchFocusRequest: get().searchFocusRequest + 1 }),
  };
};
