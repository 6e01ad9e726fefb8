// Diff summary of an edited replay against the capture: headers added/removed/replaced, and for
// the body either the JSON paths that changed (when both sides parse) or the byte sizes. Pure:
// the engine lists these changes with the replay's result, the replay form previews them.
import { errorText } from '../error-text';
import type { HeaderPair } from '../model';
import type { ReplayChange } from '../api/replay';

const MAX_BODY_CHANGES = 50;
const decoder = new TextDecoder('utf-8', { fatal: true });
const utf8 = new TextEncoder();
const short = (v: string) => (v.length > 64 ? `${v.slice(0, 61)}...` : v);

export function headerChanges(before: HeaderPair[], after: HeaderPair[]): ReplayChange[] {
  const index = (list: HeaderPair[]) => {
    const m = new Map<string, { name: string; values: string[] }>();
    for (const [n, v] of list) {
      const e = m.get(n.toLowerCase()) ?? { name: n, values: [] };
      e.values.push(v);
      m.set(n.toLowerCase(), e);
    }
    return m;
  };
  const a = index(before);
  const b = index(after);
  const out: ReplayChange[] = [];
  for (const [key, e] of a) {
    const next = b.get(key);
    if (!next) out.push({ field: e.name, kind: 'removed', before: short(e.values.join(', ')) });
    else if (next.values.join('\n') !== e.values.join('\n')) {
      out.push({
        field: next.name,
        kind: 'replaced',
        before: short(e.values.join(', ')),
        after: short(next.values.join(', ')),
      });
    }
  }
  for (const [key, e] of b) {
    if (!a.has(key)) out.push({ field: e.name, kind: 'added', after: short(e.values.join(', ')) });
  }
  return out;
}

export function bodyChanges(before: Uint8Array, after: Uint8Array): ReplayChange[] {
  if (sameBytes(before, after)) return [];
  const a = parseJson(before);
  const b = parseJson(after);
  if (a.ok && b.ok) {
    const out: ReplayChange[] = [];
    jsonDiff(a.value, b.value, '$', out);
    if (out.length === 0) {
      out.push({
        field: 'body',
        kind: 'note',
        note: 'same JSON value, different bytes (formatting)',
      });
    }
    if (out.length > MAX_BODY_CHANGES) {
      const more = out.length - MAX_BODY_CHANGES;
      out.length = MAX_BODY_CHANGES;
      out.push({ field: 'body', kind: 'note', note: `${more} more JSON changes` });
    }
    return out;
  }
  return [
    {
      field: 'body',
      kind: 'replaced',
      before: `${before.byteLength} bytes`,
      after: `${after.byteLength} bytes`,
    },
  ];
}

/** Why the preview warns before sending: the capture was JSON and the edited text is not. */
export function brokenJsonWarning(original: string, edited: string): ReplayChange | null {
  if (original === edited || !parseJson(utf8.encode(original)).ok) return null;
  try {
    JSON.parse(edited);
    return null;
  } catch (err) {
    const why = errorText(err);
    return { field: 'body', kind: 'note', note: `not valid JSON any more: ${why}` };
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(decoder.decode(bytes)) as unknown };
  } catch {
    return { ok: false };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function jsonDiff(a: unknown, b: unknown, path: string, out: ReplayChange[]): void {
  if (out.length > MAX_BODY_CHANGES) return;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) {
      const p = `${path}.${k}`;
      if (!(k in b))
        out.push({ field: `body ${p}`, kind: 'removed', before: short(JSON.stringify(a[k])) });
      else jsonDiff(a[k], b[k], p, out);
    }
    for (const k of Object.keys(b)) {
      if (!(k in a))
        out.push({ field: `body ${path}.${k}`, kind: 'added', after: short(JSON.stringify(b[k])) });
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length)
        out.push({
          field: `body ${path}[${i}]`,
          kind: 'added',
          after: short(JSON.stringify(b[i])),
        });
      else if (i >= b.length)
        out.push({
          field: `body ${path}[${i}]`,
          kind: 'removed',
          before: short(JSON.stringify(a[i])),
        });
      else jsonDiff(a[i], b[i], `${path}[${i}]`, out);
    }
    return;
  }
  const sa = JSON.stringify(a);
  const sb = JSON.stringify(b);
  if (sa !== sb)
    out.push({ field: `body ${path}`, kind: 'replaced', before: short(sa), after: short(sb) });
}
