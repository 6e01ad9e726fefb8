// A button that copies text to the clipboard and says so. Falls back to a hidden textarea when the
// async clipboard API is unavailable.
import { errorText } from '../../shared/error-text';
import { useState } from 'react';
import { useApp } from '../state/store';

export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // permission denied in some contexts: try the legacy path below
    }
  }
  const ta = document.createElement('textarea');
  ta.value = text;
  ta.setAttribute('readonly', '');
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.appendChild(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('The clipboard is not available here');
}

export function CopyButton(props: {
  text: string | (() => string);
  label: string;
  small?: boolean;
  testId?: string;
}) {
  const [done, setDone] = useState(false);
  const showToast = useApp((s) => s.showToast);
  const onClick = async () => {
    try {
      await copyText(typeof props.text === 'function' ? props.text() : props.text);
      setDone(true);
      setTimeout(() => setDone(false), 1200);
    } catch (err) {
      showToast(errorText(err), 'error');
    }
  };
  return (
    <button
      type="button"
      className={props.small ? 'btn btn-ghost btn-small' : 'btn'}
      onClick={() => void onClick()}
      data-testid={props.testId}
    >
      {done ? 'Copied' : props.label}
    </button>
  );
}
