// Resolves a dev tool's executable script inside node_modules, so scripts spawn it with
// `process.execPath <script>`: no bare `npx`, no shell, works the same on Windows.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** Absolute path of the `bin` script `name` of the installed package `pkg`. */
export function binPath(pkg, name = pkg.split('/').pop()) {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8'));
  const relative = typeof bin === 'string' ? bin : bin?.[name];
  if (!relative) throw new Error(`${pkg} has no "${name}" executable`);
  return join(dirname(manifest), relative);
}

/** `[command, args]` that build the renderer with vite for production (extra args appended). */
export function viteBuild(extra = []) {
  const script = fileURLToPath(new URL('./vite-build.mjs', import.meta.url));
  return [process.execPath, [script, 'build', '--logLevel', 'warn', ...extra]];
}
