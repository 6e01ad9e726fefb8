// Keyboard for the captures view: j/k or arrows move the cursor, Enter opens, Escape closes the
// detail, Delete removes the opened capture, `/` focuses the search box. Ignored while typing in a field (except Escape there).
import { useEffect } from 'react';
import { getAppStore } from '../../state/store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Next cursor position for a move of `delta` rows (pure, exported for tests). */
export function moveCursor(ids: number[], activeId: number | null, delta: number): number | null {
  if (ids.length === 0) return null;
  const at = activeId === null ? -1 : ids.indexOf(activeId);
  if (at === -1) return ids[0] ?? null;
  return ids[Math.max(0, Math.min(ids.length - 1, at + delta))] ?? null;
}

export function useListKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = getAppStore().getState();
      if (isTyping(e.target)) {
        if (e.key === 'Escape' && e.target instanceof HTMLElement) e.target.blur();
        return;
      }
      const move = (delta: number) => {
        e.preventDefault();
        s.setActiveId(
          moveCursor(
            s.items.map((c) => c.id),
            s.activeId,
            delta,
          ),
        );
      };
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          return move(1);
        case 'k':
        case 'ArrowUp':
          return move(-1);
        case 'Enter':
          // A focused button or link handles its own Enter.
          if (e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement)
            return;
          if (s.activeId !== null) {
            e.preventDefault();
            s.select(s.activeId);
          }
          return;
        case 'Escape':
          return s.select(null);
        case 'Delete':
          if (s.selectedId !== null) {
            e.preventDefault();
            s.deleteCapture(s.selectedId).catch((err: unknown) =>
              s.showToast(err instanceof Error ? err.message : String(err), 'error'),
            );
          }
          return;
        case '/':
          e.preventDefault();
          return s.requestSearchFocus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
