// The `?` shortcut sheet: a modal <dialog> listing every key the app answers to. showModal() gives
// focus trapping and Escape for free; focus returns to where it was when it closes.
import { useEffect, useRef } from 'react';
import { useApp } from '../state/store';

export const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['j', '↓'], what: 'Next capture' },
  { keys: ['k', '↑'], what: 'Previous capture' },
  { keys: ['Home', 'End'], what: 'First / last capture' },
  { keys: ['Enter'], what: 'Open the capture under the cursor' },
  { keys: ['Escape'], what: 'Close the capture (or unmark all)' },
  { keys: ['Space', 'x'], what: 'Mark / unmark for bulk actions' },
  { keys: ['Shift+click', 'Shift+↓↑'], what: 'Mark a range' },
  { keys: ['Ctrl+click'], what: 'Mark one more' },
  { keys: ['Delete'], what: 'Delete the marked or opened captures (Undo in the toast)' },
  { keys: ['/'], what: 'Search captures' },
  { keys: ['?'], what: 'This list' },
];

const typing = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

export function ShortcutSheet() {
  const open = useApp((s) => s.shortcutsOpen);
  const setOpen = useApp((s) => s.setShortcutsOpen);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !typing(e.target)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="shortcut-sheet"
      aria-labelledby="shortcut-title"
      data-testid="shortcut-sheet"
      onClose={() => setOpen(false)}
    >
      <h2 id="shortcut-title">Keyboard shortcuts</h2>
      <table className="data-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what}>
              <th scope="row">
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' or '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </th>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="btn" data-testid="shortcut-close">
          Close
        </button>
      </form>
    </dialog>
  );
}
