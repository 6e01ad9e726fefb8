// The captured body: JSON in a read-only CodeMirror view (folding, search, JSON path), text or
// hex (auto-detected, switchable), with the exact size.
// The bytes are never modified; very large bodies are cut for display with a note.
// CodeMirror is its own chunk, loaded with the first JSON body: the app's first paint does not
// wait for it, and the text shows as plain text until the viewer is there.
import { lazy, Suspense, useMemo, useState } from 'react';
import { detectKind, renderBody, type BodyKind } from '../../../lib/body';
import { exactSize } from '../../../lib/format';

const CodeViewer = lazy(() =>
  import('../../../components/CodeViewer').then((m) => ({ default: m.CodeViewer })),
);

const MAX_CHARS = 200_000;
const KINDS: BodyKind[] = ['json', 'text', 'hex'];

export function BodyViewer({
  bytes,
  contentType,
}: {
  bytes: Uint8Array;
  contentType: string | null;
}) {
  const detected = useMemo(() => detectKind(bytes), [bytes]);
  const [chosen, setChosen] = useState<BodyKind | null>(null);
  const kind = chosen ?? detected;
  const text = useMemo(() => renderBody(bytes, kind), [bytes, kind]);
  // The CodeMirror JSON view renders only visible lines: it shows everything; pre views are cut.
  const cut = kind !== 'json' && text.length > MAX_CHARS;
  return (
    <section className="panel" data-testid="body">
      <h2 className="panel-title">
        Body{' '}
        <span className="muted small" data-testid="body-size">
          {exactSize(bytes.length)}
          {contentType ? ` · ${contentType}` : ''}
        </span>
        <span className="spacer" />
        <span className="segmented small">
          {KINDS.map((k) => (
            <button
              key={k}
              type="button"
              className={k === kind ? 'seg active' : 'seg'}
              disabled={k === 'json' && detected !== 'json'}
              onClick={() => setChosen(k)}
            >
              {k.toUpperCase()}
            </button>
          ))}
        </span>
      </h2>
      {bytes.length === 0 ? (
        <p className="muted small">Empty body.</p>
      ) : kind === 'json' ? (
        <Suspense
          fallback={
            <pre className="code-block mono body-view" data-testid="body-loading">
              {text.slice(0, MAX_CHARS)}
            </pre>
          }
        >
          <CodeViewer text={text} testId="body-text" />
        </Suspense>
      ) : (
        <pre className="code-block mono body-view" data-testid="body-text">
          {cut ? text.slice(0, MAX_CHARS) : text}
        </pre>
      )}
      {cut && (
        <p className="muted small">
          Display cut at {MAX_CHARS.toLocaleString('en-US')} characters; copy the body for all of
          it.
        </p>
      )}
    </section>
  );
}
