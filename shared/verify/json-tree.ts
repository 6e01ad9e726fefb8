// A small JSON parser that keeps what JSON.parse loses: key order with duplicates resolved like
// Python (first position, last value) and each number's literal text. Used only to rebuild
// other serializations of a body for the HMAC diagnosis; returns null on anything malformed.

export type JsonNode =
  | { kind: 'object'; entries: [string, JsonNode][] }
  | { kind: 'array'; items: JsonNode[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; raw: string }
  | { kind: 'literal'; raw: 'true' | 'false' | 'null' };

const MAX_DEPTH = 200;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- the JSON grammar forbids raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.text);
    this.pos = WHITESPACE.lastIndex;
  }

  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text);
    if (!found) return null;
    this.pos = pattern.lastIndex;
    return found[0];
  }

  value(depth: number): JsonNode | null {
    if (depth > MAX_DEPTH) return null;
    this.skipWhitespace();
    const ch = this.text[this.pos];
    if (ch === '{') return this.object(depth);
    if (ch === '[') return this.array(depth);
    if (ch === '"') {
      const raw = this.match(STRING);
      return raw === null ? null : { kind: 'string', value: JSON.parse(raw) as string };
    }
    for (const raw of ['true', 'false', 'null'] as const) {
      if (this.text.startsWith(raw, this.pos)) {
        this.pos += raw.length;
        return { kind: 'literal', raw };
      }
    }
    const raw = this.match(NUMBER);
    return raw === null ? null : { kind: 'number', raw };
  }

  /** Parses `open item (, item)* close`; `item` returns false on a syntax error. */
  list(close: string, item: () => boolean): boolean {
    this.pos++;
    this.skipWhitespace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return true;
    }
    for (;;) {
      if (!item()) return false;
      this.skipWhitespace();
      const ch = this.text[this.pos++];
      if (ch === close) return true;
      if (ch !== ',') return false;
    }
  }

  object(depth: number): JsonNode | null {
    const entries: [string, JsonNode][] = [];
    const index = new Map<string, number>();
    const ok = this.list('}', () => {
      this.skipWhitespace();
      const rawKey = this.match(STRING);
      this.skipWhitespace();
      if (rawKey === null || this.text[this.pos++] !== ':') return false;
      const node = this.value(depth + 1);
      if (!node) return false;
      const key = JSON.parse(rawKey) as string;
      const at = index.get(key);
      if (at === undefined) index.set(key, entries.push([key, node]) - 1);
      else entries[at] = [key, node];
      return true;
    });
    return ok ? { kind: 'object', entries } : null;
  }

  array(depth: number): JsonNode | null {
    const items: JsonNode[] = [];
    const ok = this.list(']', () => {
      const node = this.value(depth + 1);
      if (node) items.push(node);
      return node !== null;
    });
    return ok ? { kind: 'array', items } : null;
  }
}

/** The parsed document, or null when `text` is not exactly one JSON value. */
export function parseJsonTree(text: string): JsonNode | null {
  const parser = new Parser(text);
  const node = parser.value(0);
  if (!node) return null;
  parser.skipWhitespace();
  return parser.pos === text.length ? node : null;
}
