// Pre-send diff of an edited replay, computed in the renderer: which JSON paths of the body
// changed (or why the edited body is not valid JSON), and which headers were added, removed or
// changed. The engine lists the same changes again, authoritatively, with the result.
import type { HeaderPair } from '../../../shared/model';

export interface EditDiffLine {
  what: string;
  kind: 'added' | 'removed' | 'changed' | 'warning';
  detail: string;
}

const MAX_LINES = 40;
const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function walk(a: unknown, b: unknown, path: string, out: EditDiffLine[]): void {
  if (out.length >= MAX_LINES) return;
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) {
      if (!(k in b)) out.push({ what: `${path}.${k}`, kind: 'removed', detail: short(a[k]) });
      else walk(a[k], b[k], `${path}.${k}`, out);
    }
    for (const k of Object.keys(b)) {
      if (!(k in a)) out.push({ what: `${path}.${k}`, kind: 'added', detail: short(b[k]) });
    }
  } else if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (i >= a.length) out.push({ what: `${path}[${i}]`, kind: 'added', detail: short(b[i]) });
      else if (i >= b.length)
        out.push({ what: `${path}[${i}]`, kind: 'removed', detail: short(a[i]) });
      else walk(a[i], b[i], `${path}[${i}]`, out);
    }
  } else if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ what: path, kind: 'changed', detail: `${short(a)} → ${short(b)}` });
  }
}

export function bodyDiff(original: string, edited: string): EditDiffLine[] {
  if (original === edited) return [];
  let a: unknown;
  try {
    a = JSON.parse(original);
  } catch {
    return [
      { what: 'body', kind: 'changed', detail: `${original.length} → ${edited.length} characters` },
    ];
  }
  let b: unknown;
  try {
    b = JSON.parse(edited);
  } catch (err) {
    return [
      {
        what: 'body',
        kind: 'warning',
        detail: `not valid JSON any more: ${(err as Error).message}`,
      },
    ];
  }
  const out: EditDiffLine[] = [];
  walk(a, b, '$', out);
  return out.length
    ? out
    : [{ what: 'body', kind: 'changed', detail: 'same JSON, different formatting' }];
}

export function headerDiff(original: HeaderPair[], edited: HeaderPair[]): EditDiffLine[] {
  const index = (list: HeaderPair[]) => {
    const m = new Map<string, string>();
    for (const [n, v] of list)
      m.set(n.toLowerCase(), m.has(n.toLowerCase()) ? `${m.get(n.toLowerCase())}, ${v}` : v);
    return m;
  };
  const a = index(original);
  const b = index(edited);
  const out: EditDiffLine[] = [];
  for (const [k, v] of a) {
    if (!b.has(k)) out.push({ what: k, kind: 'removed', detail: v });
    else if (b.get(k) !== v)
      out.push({ what: k, kind: 'changed', detail: `${v} → ${b.get(k) ?? ''}` });
  }
  for (const [k, v] of b) if (!a.has(k)) out.push({ what: k, kind: 'added', detail: v });
  return out;
}
