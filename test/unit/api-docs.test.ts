// docs/api.md must list every route of the contract (regenerate with
// `npx tsx scripts/api-docs.ts --write`).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { operations, type OpSpec } from '../../shared/api';

it('documents every operation of the contract', () => {
  const doc = readFileSync('docs/api.md', 'utf8');
  const missing = Object.entries(operations as Record<string, OpSpec>)
    .filter(([, spec]) => !doc.includes(`\`${spec.verb} ${spec.path}\``))
    .map(([name]) => name);
  expect(missing).toEqual([]);
});
