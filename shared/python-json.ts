// Python's `json.dumps(obj, sort_keys=True)` reproduced byte for byte, so the demo agents send
// exactly the bytes the tutorial's Python agents would (and their HMAC matches Python's).
// Rules: separators ", " and ": "; keys sorted by code point at every level; ensure_ascii (every
// UTF-16 unit outside printable ASCII becomes a lowercase \uXXXX, astral characters therefore a
// surrogate pair); floats as Python's repr(); NaN/Infinity as Python writes them.
// Pure: no Node or DOM API, usable from shared/ and the renderer.

/** A float as Python would hold it, e.g. `pyFloat(1)` serializes as `1.0` (a bare 1 is an int). */
export class PyFloat {
  constructor(readonly value: number) {}
}

export function pyFloat(value: number): PyFloat {
  return new PyFloat(value);
}

/** Values the serializer accepts. JS integers are Python ints; other numbers are floats. */
export type PyJson =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | readonly PyJson[]
  | { readonly [key: string]: PyJson | undefined };

export interface PyDumpsOptions {
  /** Default true, as the tutorial calls it. */
  sortKeys?: boolean;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * A JSON string as Python's json module writes it. With ensure_ascii (the default) this is
 * py_encode_basestring_ascii: every UTF-16 unit outside printable ASCII becomes \uXXXX (lowercase
 * hex, so astral characters become surrogate pairs); without it only control characters, `"` and
 * `\` are escaped (Python's ESCAPE pattern).
 */
export function pyString(value: string, asciiOnly = true): string {
  // eslint-disable-next-line no-control-regex -- JSON escapes exactly these control characters
  const pattern = asciiOnly ? /[\\"]|[^ -~]/g : /[\u0000-\u001f\\"]/g;
  return `"${value.replace(pattern, (ch) => SHORT_ESCAPES[ch] ?? unicodeEscape(ch))}"`;
}

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Python's float repr: shortest round-trip digits, exponent when decpt <= -4 or > 16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument yields the shortest digits that round-trip, like
  // Python's repr (both pick the closest of the shortest candidates).
  const [mantissa = '', exp = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > 16) {
    const e = decpt - 1;
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${frac}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

function pyNumber(x: number): string {
  // A JS integer stands for a Python int (Python prints ints in full, never with an exponent).
  if (Number.isInteger(x)) return Object.is(x, -0) ? '0' : BigInt(x).toString();
  return pyFloatRepr(x);
}

/** Compares strings by Unicode code point, as Python sorts str keys. */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    const d = (left[i]!.codePointAt(0) ?? 0) - (right[i]!.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return left.length - right.length;
}

export function pyJsonDumps(value: PyJson, options: PyDumpsOptions = {}): string {
  const sortKeys = options.sortKeys ?? true;
  const seen = new Set<object>();
  const enc = (v: PyJson): string => {
    if (v === null) return 'null';
    if (v === true) return 'true';
    if (v === false) return 'false';
    if (typeof v === 'number') return pyNumber(v);
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'string') return pyString(v);
    if (v instanceof PyFloat) return pyFloatRepr(v.value);
    if (seen.has(v)) throw new TypeError('Circular reference detected');
    seen.add(v);
    let out: string;
    if (Array.isArray(v)) {
      const items = v as readonly PyJson[];
      out = items.length === 0 ? '[]' : `[${items.map(enc).join(', ')}]`;
    } else {
      const obj = v as { readonly [key: string]: PyJson | undefined };
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined);
      if (sortKeys) keys.sort(compareCodePoints);
      out =
        keys.length === 0
          ? '{}'
          : `{${keys.map((k) => `${pyString(k)}: ${enc(obj[k] as PyJson)}`).join(', ')}}`;
    }
    seen.delete(v);
    return out;
  };
  return enc(value);
}
