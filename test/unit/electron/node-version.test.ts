// The Node version gate of every entry point: 22.14 and newer pass, older Node gets one sentence
// (better-sqlite3 13 would otherwise crash it), and npm test's pretest really refuses Node 20.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../../scripts/node-version.mjs';

describe('nodeVersionProblem', () => {
  it('accepts 22.14+, 24 and 26, refuses older', () => {
    for (const ok of ['22.14.0', '22.20.1', '24.22.3', '26.1.0'])
      expect(nodeVersionProblem(ok)).toBeNull();
    for (const old of ['20.20.2', '22.13.1', '18.0.0'])
      expect(nodeVersionProblem(old)).toMatch(
        new RegExp(`needs Node.js 22.14 or newer .*this is Node.js ${old.replace(/\./g, '\\.')}`),
      );
  });

  it.skipIf(spawnSync('/usr/bin/node', ['--version']).status !== 0)(
    'the pretest check refuses an older system Node with the sentence, not a crash',
    () => {
      const probe = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], {
        encoding: 'utf8',
      });
      const version = probe.stdout.trim();
      const r = spawnSync('/usr/bin/node', ['scripts/check-node.mjs'], { encoding: 'utf8' });
      if (nodeVersionProblem(version)) {
        expect(r.status).toBe(1);
        expect(r.stderr.trim()).toBe(nodeVersionProblem(version));
      } else {
        expect(r.status).toBe(0);
      }
    },
  );
});
