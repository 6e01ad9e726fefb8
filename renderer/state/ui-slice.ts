// UI slice: which view is shown, the transient toast, and a counter that asks the search box to
// take focus (bumped by the `/` shortcut; a counter so repeated presses re-trigger).
import type { SliceCreator } from './types';

export interface Toast {
  id: number;
  text: string;
  tone: 'info' | 'error';
  /** One button in the toast (Undo); pressing it runs the action and dismisses the toast. */
  action?: ToastAction;
}

export interface ToastAction {
  label: string;
  run(): void;
}

export interface UiSlice {
  view: string;
  toast: Toast | null;
  searchFocusRequest: number;
  /** The keyboard cursor in the captures list (Enter opens it). */
  activeId: number | null;
  setActiveId(id: number | null): void;
  setView(view: string): void;
  showToast(text: string, tone?: Toast['tone'], action?: ToastAction, ms?: number): void;
  /** The `?` shortcut sheet is open. */
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
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
    shortcutsOpen: false,
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    showToast(text, tone = 'info', action, ms) {
      const id = ++toastSeq;
      set({ toast: action ? { id, text, tone, action } : { id, text, tone } });
      setTimeout(() => get().dismissToast(id), ms ?? (tone === 'error' ? 6000 : 2500));
    },
    dismissToast(id) {
      if (get().toast?.id === id) set({ toast: null });
    },
    requestSearchFocus: () => set({ searchFocusRequest: get().searchFocusRequest + 1 }),
  };
};
