// The JSON path ($.a.b[2]) of a position in a CodeMirror JSON syntax tree (@lezer/json node
// names: Object, Array, Property, PropertyName). Pure over the tree and the document text.
import type { SyntaxNode } from '@lezer/common';

const VALUE_NODES = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);
const IDENT = /^[A-Za-z_$][\w$]*$/;

export function jsonPathAt(node: SyntaxNode | null, text: (from: number, to: number) => string) {
  const parts: string[] = [];
  for (let n: SyntaxNode | null = node; n; n = n.parent) {
    const parent = n.parent;
    if (n.name === 'Property') {
      const key = n.getChild('PropertyName');
      if (key) {
        const raw = text(key.from, key.to);
        let name = raw;
        try {
          name = JSON.parse(raw) as string;
        } catch {
          // A broken key: show it as written.
        }
        parts.unshift(IDENT.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`);
      }
    } else if (parent?.name === 'Array' && VALUE_NODES.has(n.name)) {
      let index = 0;
      for (let c = parent.firstChild; c && c.from < n.from; c = c.nextSibling)
        if (VALUE_NODES.has(c.name)) index++;
      parts.unshift(`[${index}]`);
    }
  }
  return '$' + parts.join('');
}
