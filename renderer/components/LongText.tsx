// Shows untrusted text as text, truncated past `limit` characters with a Show all toggle.
// React escapes it; nothing here ever interprets markup.
import { useState } from 'react';

export function LongText({
  text,
  limit = 600,
  className,
}: {
  text: string;
  limit?: number;
  className?: string;
}) {
  const [expanded, setExpanded] = useState(false);
  const long = text.length > limit;
  return (
    <span className={className}>
      {long && !expanded ? text.slice(0, limit) + '…' : text}
      {long && (
        <button type="button" className="link-btn" onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show less' : `Show all (${text.length.toLocaleString('en-US')} chars)`}
        </button>
      )}
    </span>
  );
}
