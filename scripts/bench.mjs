// npm run bench: bundles bench/run.ts and every bench/*.bench.ts with esbuild into bench/.build
// and runs them on plain Node, so the engine under measurement is the bundled code the desktop
// app, browser mode and the npm bin run (not tsx's transform, which wraps closures). Packages
// stay external (resolved from node_modules). bench/.build sits two levels below the checkout,
// like test/helpers, so paths built from import.meta.url (the verify worker's) still resolve.
// The project's own scripts/*.mjs stay external too, imported from where they are: they find
// their neighbours (vite-build.mjs) from their own import.meta.url.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { assertNodeVersion } from './node-version.mjs';

assertNodeVersion();
const out = 'bench/.build';
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [
    'bench/run.ts',
    ...readdirSync('bench')
      .filter((f) => f.endsWith('.bench.ts'))
      .map((f) => `bench/${f}`),
  ],
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
  plugins: [
    {
      name: 'scripts-in-place',
      setup(b) {
        b.onResolve({ filter: /\/scripts\/[^/]+\.mjs$/ }, (a) => ({
          path: pathToFileURL(resolve(a.resolveDir, a.path)).href,
          external: true,
        }));
      },
    },
  ],
});
const run = spawnSync(process.execPath, [`${out}/run.js`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
