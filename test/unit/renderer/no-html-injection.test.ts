// Guard for the rule "everything an agent sent renders as text": no renderer source may use an
// HTML sink. React's text children are the only way agent data reaches the DOM.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SINKS =
  /dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|createContextualFragment|new Function\(|\beval\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('renderer sources', () => {
  it('use no HTML injection sink', () => {
    const offenders = sources('renderer').filter((f) => SINKS.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
