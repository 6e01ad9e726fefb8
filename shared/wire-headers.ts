// Header lists as they go on the wire: [rawName, rawValue] pairs in order. Helpers keep the
// original casing and position when a value is replaced, and drop what must not be replayed.
import type { HeaderPair } from './model';

/** RFC 9110 §7.6.1 connection-specific headers, plus Host and Content-Length (recomputed for
 *  the new target and body) and Expect (a replay never waits for 100-continue). */
const NOT_REPLAYED = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
  'expect',
]);

/** Removes hop-by-hop headers (including those named in Connection) and Host/Content-Length. */
export function replayableHeaders(headers: HeaderPair[]): HeaderPair[] {
  let named: Set<string> | null = null;
  for (const [n, v] of headers) {
    if (n.length === 10 && n.toLowerCase() === 'connection') {
      named ??= new Set();
      for (const token of v.split(',')) named.add(token.trim().toLowerCase());
    }
  }
  return headers.filter(([n]) => {
    const lower = n.toLowerCase();
    return !NOT_REPLAYED.has(lower) && !named?.has(lower);
  });
}

/** The first value of a header, its name compared case-insensitively. */
export function headerValue(headers: HeaderPair[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (let i = 0; i < headers.length; i++) {
    const [key, value] = headers[i]!;
    // Why the length first: the checks look up a dozen names per webhook, and most pairs are
    // then rejected without a lower-cased copy of their name. (Lower-casing keeps a name's
    // length whenever the result is ASCII, as every name asked for here is.)
    if (key.length === wanted.length && key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** An editable copy of a header list, each name lower-cased once (re-signing reads and
 *  replaces several headers of one request). `set` replaces the first header of that name in
 *  place, keeping its casing, and removes later duplicates so the receiver sees one value;
 *  it appends when the name is absent. */
export function editHeaders(headers: HeaderPair[]) {
  // The list is copied, its pairs are shared: `set` puts a new pair in place, never writes one.
  const pairs = headers.slice();
  const names = pairs.map(([n]) => n.toLowerCase());
  return {
    get(name: string): string | undefined {
      const i = names.indexOf(name.toLowerCase());
      return i < 0 ? undefined : pairs[i]![1];
    },
    set(name: string, value: string): void {
      const lower = name.toLowerCase();
      const i = names.indexOf(lower);
      if (i < 0) {
        pairs.push([name, value]);
        names.push(lower);
        return;
      }
      pairs[i] = [pairs[i]![0], value];
      for (let j = names.length - 1; j > i; j--)
        if (names[j] === lower) {
          pairs.splice(j, 1);
          names.splice(j, 1);
        }
    },
    pairs: () => pairs,
  };
}

export function removeHeader(headers: HeaderPair[], name: string): HeaderPair[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() !== lower);
}

/** Flattens pairs into Node's raw header array format (name, value, name, value, ...). */
export function flatten(headers: HeaderPair[]): string[] {
  const out: string[] = [];
  for (const [n, v] of headers) out.push(n, v);
  return out;
}

/** Pairs from Node's rawHeaders / rawTrailers array. */
export function pairsOf(raw: string[]): HeaderPair[] {
  const out: HeaderPair[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] ?? '', raw[i + 1] ?? '']);
  return out;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** What a header value may not contain (a literal in the loop would build a RegExp per header). */
const LINE_BREAK_OR_NUL = /[\r\n\0]/;

/** Why: an edited header with CR/LF would smuggle extra headers or a second request onto the
 *  wire. Returns what is wrong, or null when every name is a token and no value breaks a line. */
export function headerProblem(headers: HeaderPair[]): string | null {
  for (const [n, v] of headers) {
    if (!TOKEN.test(n)) return `header name "${n.slice(0, 40)}" has characters HTTP does not allow`;
    if (LINE_BREAK_OR_NUL.test(v)) return `header ${n} contains a line break or NUL: not sent`;
  }
  return null;
}

/** Pairs from text typed as one "Name: value" per line (order kept; blank lines skipped; a line
 *  without a colon is a name with an empty value, left for headerProblem to judge). */
export function parseHeaderLines(text: string): HeaderPair[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const i = l.indexOf(':');
      return (
        i < 0 ? [l.trim(), ''] : [l.slice(0, i).trim(), l.slice(i + 1).trimStart()]
      ) as HeaderPair;
    });
}
