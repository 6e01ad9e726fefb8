// The esbuild options of the Electron main process and preload bundles (dist-electron/*.cjs)
// and of the CLI bundle (dist-cli/switchboard.cjs), shared by scripts/build-electron.mjs,
// scripts/build-cli.mjs and the packaging tests. `electron` stays external
// (the runtime provides it), and so does better-sqlite3 (its Node-API .node prebuild loads in
// Node and Electron alike and must stay a file on disk). Everything else, shared/ and zod
// included, is bundled: the sandboxed preload cannot require files at runtime, and the packaged
// app ships no other node_modules.
export const EXTERNAL = ['electron', 'better-sqlite3'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: false,
  logLevel: 'warning',
  external: EXTERNAL,
};

/** esbuild options per bundle, writing into `outDir` (default dist-electron). */
export function bundleOptions(outDir = 'dist-electron') {
  return [
    { ...common, entryPoints: ['electron/main.ts'], outfile: `${outDir}/main.cjs` },
    { ...common, entryPoints: ['electron/preload.ts'], outfile: `${outDir}/preload.cjs` },
  ];
}

/** The `switchboard` command (package.json "bin"): electron/cli/index.ts as one CommonJS file that runs
 *  on plain Node, with only better-sqlite3 external (the package's one runtime dependency). */
export function cliBundleOptions(outDir = 'dist-cli') {
  return {
    ...common,
    external: ['better-sqlite3'],
    entryPoints: ['electron/cli/index.ts'],
    outfile: `${outDir}/switchboard.cjs`,
    banner: { js: '#!/usr/bin/env node' },
  };
}
