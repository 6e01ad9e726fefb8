// The renderer build every script runs (scripts/bin-path.mjs viteBuild) is a production build
// even when the caller's NODE_ENV says otherwise: vitest sets "test", and a plain `vite build`
// then ships React's development variant (jsxDEV), several times slower to render.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viteBuild } from '../../../scripts/bin-path.mjs';

describe('viteBuild', () => {
  it('builds React for production under NODE_ENV=test', () => {
    expect(process.env['NODE_ENV']).toBe('test');
    const out = mkdtempSync(join(tmpdir(), 'switchboard-vite-'));
    try {
      const [cmd, args] = viteBuild(['--outDir', out, '--emptyOutDir']);
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
      expect(js.length).toBeGreaterThan(0);
      const code = js.map((f) => readFileSync(join(out, 'assets', f), 'utf8')).join('\n');
      expect(code).not.toContain('jsxDEV');
      expect(code).toContain('react.transitional.element');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
