// shared/python-json.ts against real python3: every case's bytes must equal
// json.dumps(value, sort_keys=True) as printed by test/fixtures/python/py_json_cases.py.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compareCodePoints,
  pyFloat,
  pyFloatRepr,
  pyJsonDumps,
  type PyJson,
} from '../../../shared/python-json';

type Tagged =
  | { i: string }
  | { f: string }
  | { s: string }
  | { b: boolean }
  | { n: null }
  | { l: Tagged[] }
  | { d: [string, Tagged][] };

function untag(t: Tagged): PyJson {
  if ('i' in t) {
    const n = BigInt(t.i);
    return Number.isSafeInteger(Number(n)) ? Number(n) : n;
  }
  if ('f' in t) return pyFloat(Number(t.f.replace('inf', 'Infinity')));
  if ('s' in t) return t.s;
  if ('b' in t) return t.b;
  if ('n' in t) return null;
  if ('l' in t) return t.l.map(untag);
  const obj: Record<string, PyJson> = {};
  for (const [k, v] of t.d) obj[k] = untag(v);
  return obj;
}

function pythonCases(count: number, seed: number): { value: Tagged; dumps: string }[] {
  const script = join(__dirname, '../../fixtures/python/py_json_cases.py');
  const out = execFileSync('python3', [script, String(count), String(seed)], { encoding: 'utf8' });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { value: Tagged; dumps: string });
}

describe('pyJsonDumps matches python3 json.dumps(sort_keys=True)', () => {
  it.each([1, 2, 3])('random and fixed cases, seed %i', (seed) => {
    const cases = pythonCases(400, seed);
    expect(cases.length).toBeGreaterThan(400);
    for (const c of cases) expect(pyJsonDumps(untag(c.value))).toBe(c.dumps);
  });

  it('formats the tutorial payload shape', () => {
    const body = pyJsonDumps({
      taskId: 'abc',
      status: 'completed',
      timestamp: '2026-01-01T00:00:00.000000+00:00',
      message: 'Task completed - fetch results with tasks/get',
      preview: '✅ done 🔒',
      metadata: { artifact_count: 5 },
    });
    expect(body).toBe(
      '{"message": "Task completed - fetch results with tasks/get", "metadata": {"artifact_count": 5}, ' +
        '"preview": "\\u2705 done \\ud83d\\udd12", "status": "completed", "taskId": "abc", ' +
        '"timestamp": "2026-01-01T00:00:00.000000+00:00"}',
    );
  });

  it('prints floats like repr and ints in full', () => {
    expect(pyFloatRepr(1e16)).toBe('1e+16');
    expect(pyFloatRepr(1e15)).toBe('1000000000000000.0');
    expect(pyFloatRepr(0.0001)).toBe('0.0001');
    expect(pyFloatRepr(0.00001)).toBe('1e-05');
    expect(pyJsonDumps(1e22)).toBe('10000000000000000000000');
    expect(pyJsonDumps(pyFloat(1e22))).toBe('1e+22');
    expect(pyJsonDumps(1.5)).toBe('1.5');
  });

  it('sorts keys by code point, not UTF-16 unit', () => {
    expect(compareCodePoints('\uffff', '\u{1F600}')).toBeLessThan(0);
    expect(pyJsonDumps({ '\u{1F600}': 1, '\uffff': 2 })).toBe(
      '{"\\uffff": 2, "\\ud83d\\ude00": 1}',
    );
  });

  it('omits undefined members and rejects cycles', () => {
    expect(pyJsonDumps({ a: undefined, b: 1 })).toBe('{"b": 1}');
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(() => pyJsonDumps(loop as PyJson)).toThrow(/Circular/);
  });
});
