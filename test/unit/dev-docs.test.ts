// docs/development.md describes the code as it is: every path its layout and its "where to
// change X" table name exists (placeholders like <domain> aside).
import { existsSync, readFileSync } from 'node:fs';
import { expect, it } from 'vitest';

it('every path named in the "where to change X" table exists', () => {
  const doc = readFileSync('docs/development.md', 'utf8');
  const table = doc.slice(doc.indexOf('## Where to change X'), doc.indexOf('## Adding an API'));
  const paths = [...table.matchAll(/`((?:shared|electron|renderer)\/[^`<>*]+)`/g)].map(
    (m) => m[1]!,
  );
  expect(paths.length).toBeGreaterThan(10);
  expect(paths.filter((p) => !existsSync(p))).toEqual([]);
});

it('every top-level entry of the layout exists', () => {
  const doc = readFileSync('docs/development.md', 'utf8');
  const layout = doc.slice(doc.indexOf('## Layout'), doc.indexOf('## Where to change X'));
  const block = layout.slice(layout.indexOf('```\n') + 4, layout.lastIndexOf('```'));
  let parent = '';
  const missing: string[] = [];
  for (const line of block.split('\n')) {
    const m =
      /^( {0,2})([\w.-]+\/?(?: [\w.-]+\/?)*)\s{2,}/.exec(line) ??
      /^( {0,2})([\w.-]+\/)$/.exec(line);
    if (!m) continue;
    const names = m[2]!.split(' ');
    if (m[1] === '') parent = names[0]!.endsWith('/') ? names[0]! : '';
    for (const name of names) {
      const path = m[1] === '' ? name : parent + name;
      if (!existsSync(path)) missing.push(path);
    }
  }
  expect(missing).toEqual([]);
});
