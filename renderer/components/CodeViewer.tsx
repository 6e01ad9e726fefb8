// Read-only CodeMirror 6 view of a JSON body: folding, highlighting, search (Ctrl/Cmd+F) and the
// JSON path of the cursor. CodeMirror renders only the visible lines, and above 1 MiB the JSON
// language and highlighting are switched off so huge bodies stay responsive.
// CSP (style-src 'self', no 'unsafe-inline'): CodeMirror injects its styles with style-mod, which
// writes a <style> element into a document (blocked) but uses constructed stylesheets
// (adoptedStyleSheets, allowed) inside a shadow root. So the editor lives in an open shadow root
// and its theme is an EditorView.theme using our CSS custom properties (they inherit into it).
// CodeMirror needs no eval.
import { defaultKeymap } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  codeFolding,
  foldGutter,
  foldKeymap,
  syntaxHighlighting,
  syntaxTree,
} from '@codemirror/language';
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { classHighlighter } from '@lezer/highlight';
import { useEffect, useRef, useState } from 'react';
import { jsonPathAt } from '../lib/json-path';

export const HIGHLIGHT_LIMIT = 1024 * 1024;

const theme = EditorView.theme({
  '&': {
    maxHeight: '480px',
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    background: 'var(--bg-sunk)',
    color: 'var(--text)',
    fontSize: '12px',
  },
  '&.cm-focused': { outline: '2px solid var(--accent)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)' },
  '.cm-gutters': {
    background: 'var(--bg-sunk)',
    color: 'var(--text-muted)',
    borderRight: '1px solid var(--border)',
  },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-panels': { background: 'var(--bg-elev)', color: 'var(--text)' },
  '.cm-textfield, .cm-button': { color: 'var(--text)', background: 'var(--bg-elev)' },
  '.tok-propertyName': { color: 'var(--accent)' },
  '.tok-string': { color: 'var(--ok)' },
  '.tok-number, .tok-bool, .tok-null, .tok-keyword': { color: 'var(--warn)' },
});

export function CodeViewer({ text, testId }: { text: string; testId?: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [path, setPath] = useState('$');
  const large = text.length > HIGHLIGHT_LIMIT;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.replaceChildren(parent);
    const view = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: text,
        extensions: [
          EditorState.readOnly.of(true),
          lineNumbers(),
          ...(large
            ? []
            : [json(), codeFolding(), foldGutter(), syntaxHighlighting(classHighlighter)]),
          theme,
          search({ top: true }),
          highlightSelectionMatches(),
          keymap.of([...searchKeymap, ...foldKeymap, ...defaultKeymap]),
          EditorView.contentAttributes.of({ 'aria-label': 'Body (read-only)' }),
          EditorView.updateListener.of((u) => {
            if (!u.selectionSet || large) return;
            const pos = u.state.selection.main.head;
            const node = syntaxTree(u.state).resolveInner(pos, pos > 0 ? -1 : 1);
            setPath(jsonPathAt(node, (a, b) => u.state.sliceDoc(a, b)));
          }),
        ],
      }),
    });
    return () => view.destroy();
  }, [text, large]);

  return (
    <div className="code-viewer">
      <div ref={host} className="code-viewer-host" data-testid={testId} />
      <div className="code-viewer-status muted small" data-testid="json-path">
        {large ? 'Highlighting and folding are off above 1 MiB.' : `Cursor at ${path}`}
      </div>
    </div>
  );
}
