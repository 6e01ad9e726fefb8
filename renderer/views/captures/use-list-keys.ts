// Keyboard for the captures view (the `?` sheet lists the same keys from SHORTCUTS):
// j/k or arrows move the cursor, Home/End jump, Shift+move extends the marked range, Space or x
// marks, Enter opens, Escape closes the detail, Delete removes the marked (or opened) captures with
// Undo, `/` focuses the search box, `?` opens the shortcut sheet. Letters are ignored while typing
// in a field; arrows/Home/End/Enter/Space only act when focus is on the list (or nowhere), so
// other widgets keep their own keys.
import { useEffect } from 'react';
import { getAppStore } from '../../state/store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Focus is on the list itself or on nothing in particular. */
function onList(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  return target === document.body || target.getAttribute('role') === 'listbox';
}

/** Next cursor position for a move of `delta` rows (pure, exported for tests). */
export function moveCursor(ids: number[], activeId: number | null, delta: number): number | null {
  if (ids.length === 0) return null;
  const at = activeId === null ? -1 : ids.indexOf(activeId);
  if (at === -1) return (delta === Infinity ? ids.at(-1) : ids[0]) ?? null;
  return ids[Math.max(0, Math.min(ids.length - 1, at + delta))] ?? null;
}

const focusList = () => {
  const list = document.querySelector<HTMLElement>('[data-testid=capture-list]');
  if (list && document.activeElement === document.body) list.focus();
};

export function useListKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const s = getAppStore().getState();
      if (s.shortcutsOpen) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape' && e.target instanceof HTMLElement) e.target.blur();
        return;
      }
      const list = onList(e.target);
      const move = (delta: number) => {
        e.preventDefault();
        const from = s.activeId;
        const to = moveCursor(
          s.items.map((c) => c.id),
          from,
          delta,
        );
        s.setActiveId(to);
        if (e.shiftKey && to !== null) s.markRange(to, s.markAnchor ?? from ?? to);
        focusList();
      };
      switch (e.key) {
        case 'j':
        case 'J':
          return move(1);
        case 'k':
        case 'K':
          return move(-1);
        case 'ArrowDown':
          return list ? move(1) : undefined;
        case 'ArrowUp':
          return list ? move(-1) : undefined;
        case 'Home':
          return list ? move(-Infinity) : undefined;
        case 'End':
          return list ? move(Infinity) : undefined;
        case ' ':
        case 'x':
          if ((e.key === ' ' && !list) || s.activeId === null) return;
          e.preventDefault();
          return s.toggleMark(s.activeId);
        case 'Enter':
          if (!list || s.activeId === null) return;
          e.preventDefault();
          return s.select(s.activeId);
        case 'Escape':
          if (s.selectedId !== null) return s.select(null);
          return s.clearMarks();
        case 'Delete': {
          const ids = s.marked.length > 0 ? s.marked : s.selectedId !== null ? [s.selectedId] : [];
          if (ids.length === 0) return;
          e.preventDefault();
          return s.deleteWithUndo(ids);
        }
        case '/':
          e.preventDefault();
          return s.requestSearchFocus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
