// Shows the current toast (one at a time); errors stay longer and use the error colour. A toast
// may carry one action (Undo), a real button reachable by keyboard.
import { useApp } from '../state/store';

export function ToastHost() {
  const toast = useApp((s) => s.toast);
  const dismiss = useApp((s) => s.dismissToast);
  if (!toast) return null;
  const action = toast.action;
  return (
    <div className={`toast toast-${toast.tone}`} role="status" data-testid="toast">
      <span onClick={() => dismiss(toast.id)}>{toast.text}</span>
      {action && (
        <button
          type="button"
          className="toast-action"
          data-testid="toast-action"
          onClick={() => {
            dismiss(toast.id);
            action.run();
          }}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
