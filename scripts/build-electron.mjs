// Bundles the Electron main process and preload with esbuild into dist-electron/main.cjs and
// dist-electron/preload.cjs (options and what stays external: scripts/electron-bundles.mjs).
import { build } from 'esbuild';
import { bundleOptions } from './electron-bundles.mjs';

await Promise.all(bundleOptions().map((options) => build(options)));
console.log('Built dist-electron/main.cjs and dist-electron/preload.cjs');
