// A collapsible section of the Agents screen (the agent card, the compose form) whose open or
// closed state is remembered. Closed, only its one-line summary stays, so the timeline gets the
// height (at 1024x700 that is most of the screen).
import type { ReactNode } from 'react';
import { isBool, usePref } from './timeline-prefs';

export function Section(props: {
  id: string;
  title: ReactNode;
  children: ReactNode;
  className?: string;
  /** Open on a first visit (before the user chose); default true. */
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = usePref(`open.${props.id}`, props.initiallyOpen ?? true, isBool);
  return (
    <details
      className={`agents-section ${props.className ?? ''}`}
      open={open}
      data-testid={`section-${props.id}`}
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        if (now !== open) setOpen(now);
      }}
    >
      <summary>{props.title}</summary>
      {props.children}
    </details>
  );
}
