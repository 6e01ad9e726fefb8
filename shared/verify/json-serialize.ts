// Re-serializes a parsed body the ways common senders do (JavaScript JSON.stringify, Python
// json.dumps with its defaults and options) so the HMAC diagnosis can test which bytes were
// really signed. Python rules: separators, sort_keys by code point, ensure_ascii escaping.
import { compareCodePoints, pyString } from '../python-json';
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

export function serializeJson(node: JsonNode, style: JsonStyle): string {
  switch (node.kind) {
    case 'literal':
      return node.raw;
    case 'number':
      return style.flavor === 'js' ? JSON.stringify(Number(node.raw)) : node.raw;
    case 'string':
      return style.flavor === 'js'
        ? JSON.stringify(node.value)
        : pyString(node.value, style.asciiOnly);
    case 'array':
      return `[${node.items.map((item) => serializeJson(item, style)).join(style.itemSeparator)}]`;
    case 'object': {
      const entries = style.sortKeys
        ? [...node.entries].sort(([a], [b]) => compareCodePoints(a, b))
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
