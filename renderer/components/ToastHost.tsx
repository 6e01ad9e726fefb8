// Shows the current toast (one at a time); errors stay longer and use the error colour.
import { useApp } from '../state/store';

export function ToastHost() {
  const toast = useApp((s) => s.toast);
  const dismiss = useApp((s) => s.dismissToast);
  if (!toast) return null;
  return (
    <div className={`toast toast-${toast.tone}`} role="status" onClick={() => dismiss(toast.id)}>
      {toast.text}
    </div>
  );
}
