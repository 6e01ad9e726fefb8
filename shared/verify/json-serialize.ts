// Re-serializes a parsed body the ways common senders do (JavaScript JSON.stringify, Python
// json.dumps with its defaults and options) so the HMAC diagnosis can test which bytes were
// really signed. Python rules: separators, sort_keys by code point, ensure_ascii escaping.
import type { JsonNode } from './json-tree';

export interface JsonStyle {
  label: string;
  itemSeparator: string;
  keySeparator: string;
  sortKeys: boolean;
  /** Python ensure_ascii=True: everything outside printable ASCII becomes \uXXXX. */
  asciiOnly: boolean;
  /**
   * 'js': numbers and strings exactly as JSON.stringify prints them after JSON.parse;
   * 'python': number literals kept as received, strings escaped like Python's json module.
   */
  flavor: 'js' | 'python';
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

function unicodeEscape(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function pythonString(value: string, asciiOnly: boolean): string {
  // Python's ESCAPE_ASCII is /([\\"]|[^\ -~])/; ESCAPE is /[\x00-\x1f\\"\b\f\n\r\t]/.
  // Matching per UTF-16 unit gives Python's surrogate pairs for astral characters.
  // eslint-disable-next-line no-control-regex -- JSON escapes exactly these control characters
  const pattern = asciiOnly ? /[\\"]|[^ -~]/g : /[\u0000-\u001f\\"]/g;
  return `"${value.replace(pattern, (ch) => SHORT_ESCAPES[ch] ?? unicodeEscape(ch))}"`;
}

function byCodePoint(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const diff = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

export function serializeJson(node: JsonNode, style: JsonStyle): string {
  switch (node.kind) {
    case 'literal':
      return node.raw;
    case 'number':
      return style.flavor === 'js' ? JSON.stringify(Number(node.raw)) : node.raw;
    case 'string':
      return style.flavor === 'js'
        ? JSON.stringify(node.value)
        : pythonString(node.value, style.asciiOnly);
    case 'array':
      return `[${node.items.map((item) => serializeJson(item, style)).join(style.itemSeparator)}]`;
    case 'object': {
      const entries = style.sortKeys
        ? [...node.entries].sort(([a], [b]) => byCodePoint(a, b))
        : node.entries;
      const parts = entries.map(
        ([key, value]) =>
          `${serializeJson({ kind: 'string', value: key }, style)}${style.keySeparator}${serializeJson(value, style)}`,
      );
      return `{${parts.join(style.itemSeparator)}}`;
    }
  }
}

const python = { itemSeparator: ', ', keySeparator: ': ', flavor: 'python' } as const;
const compact = { itemSeparator: ',', keySeparator: ':' } as const;

/** The serializations the diagnosis tries, most common first. */
export const JSON_STYLES: readonly JsonStyle[] = [
  { label: 'Python json.dumps(sort_keys=True)', ...python, sortKeys: true, asciiOnly: true },
  { label: 'Python json.dumps()', ...python, sortKeys: false, asciiOnly: true },
  {
    label: 'Python json.dumps(sort_keys=True, ensure_ascii=False)',
    ...python,
    sortKeys: true,
    asciiOnly: false,
  },
  { label: 'Python json.dumps(ensure_ascii=False)', ...python, sortKeys: false, asciiOnly: false },
  {
    label: 'compact JSON (JavaScript JSON.stringify)',
    ...compact,
    sortKeys: false,
    asciiOnly: false,
    flavor: 'js',
  },
  {
    label: 'compact JSON with sorted keys',
    ...compact,
    sortKeys: true,
    asciiOnly: false,
    flavor: 'js',
  },
  {
    label: 'Python json.dumps(separators=(",", ":"))',
    ...compact,
    sortKeys: false,
    asciiOnly: true,
    flavor: 'python',
  },
];
