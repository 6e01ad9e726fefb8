// Bundles the Electron main process and preload with esbuild into dist-electron/*.cjs.
// `electron` stays external (provided by the runtime); better-sqlite3 too (native addon,
// rebuilt for Electron's ABI by electron-builder's install-app-deps). Everything else, including
// shared/ and zod, is bundled: the sandboxed preload cannot require files at runtime.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3'],
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist-electron/main.cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist-electron/preload.cjs' }),
]);
console.log('Built dist-electron/main.cjs and dist-electron/preload.cjs');
