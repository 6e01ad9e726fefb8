// The diagnosis' re-serializations reproduce python3's json.dumps byte for byte (run for real)
// and JavaScript's JSON.stringify, on text with escapes, astral characters and tricky key order.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { JSON_STYLES, serializeJson } from '../../../shared/verify/json-serialize';
import { parseJsonTree } from '../../../shared/verify/json-tree';

const PYTHON = String.raw`
import json, sys
value = json.loads(sys.stdin.read())
print(json.dumps({
  "Python json.dumps(sort_keys=True)": json.dumps(value, sort_keys=True),
  "Python json.dumps()": json.dumps(value),
  "Python json.dumps(sort_keys=True, ensure_ascii=False)": json.dumps(value, sort_keys=True, ensure_ascii=False),
  "Python json.dumps(ensure_ascii=False)": json.dumps(value, ensure_ascii=False),
  'Python json.dumps(separators=(",", ":"))': json.dumps(value, separators=(",", ":")),
}))
`;

const tricky = {
  taskId: 't-1',
  preview: '✅ Long-running task completed! — naïve 🚀 "quoted" back\\slash',
  controls: 'tab\t nl\n cr\r bs\b ff\f nul\u0000 us\u001f del\u007f',
  '\uff61half': 1,
  '😀emoji': 2,
  Zed: [1, -2.5, 1e-7, 12345678901234, true, false, null, {}, []],
  nested: { b: { d: 1, c: 2 }, a: 'x' },
};

function runPython(input: string): Record<string, string> {
  return JSON.parse(execFileSync('python3', ['-c', PYTHON], { input }).toString()) as Record<
    string,
    string
  >;
}

describe('JSON re-serialization styles', () => {
  it('match python3 json.dumps for every Python style', () => {
    const outputs = runPython(JSON.stringify(tricky));
    // Start from Python's own bytes so number literals are Python's, as in a real body.
    const tree = parseJsonTree(outputs['Python json.dumps()'] ?? '');
    expect(tree).not.toBeNull();
    if (!tree) return;
    const pythonStyles = JSON_STYLES.filter((s) => s.flavor === 'python');
    expect(pythonStyles.map((s) => s.label).sort()).toEqual(Object.keys(outputs).sort());
    for (const style of pythonStyles) expect(serializeJson(tree, style)).toBe(outputs[style.label]);
  });

  it('match JSON.stringify for the compact style, and sort keys by code point', () => {
    const text = JSON.stringify(tricky, null, 2);
    const tree = parseJsonTree(text);
    if (!tree) throw new Error('parse failed');
    const compact = JSON_STYLES.find((s) => s.label.startsWith('compact JSON (JavaScript'));
    const sorted = JSON_STYLES.find((s) => s.label === 'compact JSON with sorted keys');
    if (!compact || !sorted) throw new Error('styles missing');
    expect(serializeJson(tree, compact)).toBe(JSON.stringify(tricky));
    const keys = Object.keys(JSON.parse(serializeJson(tree, sorted)) as object);
    expect(keys.indexOf('\uff61half')).toBeLessThan(keys.indexOf('😀emoji'));
  });

  it('keeps duplicate keys like Python: first position, last value', () => {
    const tree = parseJsonTree('{"a": 1, "b": 2, "a": 3}');
    const style = JSON_STYLES[1];
    if (!tree || !style) throw new Error('setup');
    expect(serializeJson(tree, style)).toBe('{"a": 3, "b": 2}');
  });

  it.each(['', '{', '{"a":}', '[1,]', '{"a":1} x', '"unterminated', '01', '{"a":1,}', '\u0000'])(
    'rejects malformed JSON %j',
    (text) => expect(parseJsonTree(text)).toBeNull(),
  );

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(parseJsonTree('['.repeat(10_000) + ']'.repeat(10_000))).toBeNull();
  });
});
