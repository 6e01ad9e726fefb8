// Bundles the `switchboard` command with esbuild into dist-cli/switchboard.cjs (the package's
// "bin"; options in scripts/electron-bundles.mjs), so `npx switchboard` runs without tsx.
import { chmodSync } from 'node:fs';
import { build } from 'esbuild';
import { cliBundleOptions } from './electron-bundles.mjs';

const options = cliBundleOptions();
await build(options);
chmodSync(options.outfile, 0o755);
console.log(`Built ${options.outfile}`);
