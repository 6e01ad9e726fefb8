// Bundles the `switchboard` command with esbuild into dist-cli/switchboard.cjs (the package's
// "bin"; options in scripts/electron-bundles.mjs), so it runs on plain Node without tsx. Browser
// mode (scripts/serve.mjs) and the tests that spawn `serve` build and run it too: they run the
// code the package ships. The file is written whole (temporary file, then rename), so builders
// running at once (test workers) never expose a half-written bundle.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { cliBundleOptions } from './electron-bundles.mjs';

/** Builds the bundle; resolves with its path. */
export async function buildCli() {
  const options = cliBundleOptions();
  const { outputFiles } = await build({ ...options, write: false });
  const bundle = outputFiles.find((f) => f.path.endsWith('.cjs'));
  if (!bundle) throw new Error('esbuild wrote no CLI bundle');
  mkdirSync(dirname(options.outfile), { recursive: true });
  const temporary = `${options.outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, bundle.contents, { mode: 0o755 });
  renameSync(temporary, options.outfile);
  return options.outfile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Built ${await buildCli()}`);
}
