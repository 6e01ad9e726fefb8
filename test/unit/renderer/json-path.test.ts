// JSON path of a position in the CodeMirror JSON syntax tree.
import { jsonLanguage } from '@codemirror/lang-json';
import { describe, expect, it } from 'vitest';
import { jsonPathAt } from '../../../renderer/lib/json-path';

const pathAt = (text: string, needle: string, offset = 1) => {
  const tree = jsonLanguage.parser.parse(text);
  const pos = text.indexOf(needle) + offset;
  return jsonPathAt(tree.resolveInner(pos, 1), (a, b) => text.slice(a, b));
};

describe('jsonPathAt', () => {
  const doc = '{"a": {"b": [10, {"c": "x"}]}, "odd key": true}';
  it('names object keys and array indexes', () => {
    expect(pathAt(doc, '10')).toBe('$.a.b[0]');
    expect(pathAt(doc, '"x"')).toBe('$.a.b[1].c');
    expect(pathAt(doc, 'true')).toBe('$["odd key"]');
    expect(pathAt(doc, '{', 0)).toBe('$');
  });
});
