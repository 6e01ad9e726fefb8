// What `npm run dist` would pack, derived from electron-builder.yml and package.json without
// running electron-builder (it downloads Electron): only better-sqlite3 ships from node_modules,
// the main bundle needs nothing else at runtime, the config's file patterns take the bundles and
// the renderer but no source maps or sources, and the native prebuilds stay outside the asar.
import { builtinModules } from 'node:module';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { build } from 'esbuild';
import { minimatch } from 'minimatch';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bundleOptions, cliBundleOptions, EXTERNAL } from '../../../scripts/electron-bundles.mjs';

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
  bin: Record<string, string>;
  files: string[];
};
const out = mkdtempSync(join(tmpdir(), 'sb-pack-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** electron-builder semantics: a file is packed when the last matching pattern is positive. */
function packed(file: string): boolean {
  let keep = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) keep = !negated;
  }
  return keep;
}

describe('packaged app', () => {
  it('ships only better-sqlite3 from node_modules and rebuilds nothing', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
    expect(config.npmRebuild).toBe(false);
    expect(pkg.scripts['dist']).toContain('--publish never');
    // The lockfile marks every package only dev needs; the rest is what electron-builder packs.
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    const modules = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev)
      .map(([path]) => path.replace(/^.*node_modules\//, ''));
    expect(modules.sort()).toEqual(['better-sqlite3', 'node-addon-api']);
  });

  it('bundles main and preload so they need only Electron, better-sqlite3 and Node built-ins', async () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    for (const options of bundleOptions(out)) {
      const result = await build({ ...options, metafile: true, write: true });
      const imports = Object.values(result.metafile.outputs).flatMap((o) => o.imports);
      const external = imports
        .filter((i) => i.external && !builtins.has(i.path))
        .map((i) => i.path);
      expect(new Set(external).size).toBeLessThanOrEqual(EXTERNAL.length);
      for (const name of external) expect(EXTERNAL).toContain(name);
    }
    // The preload runs sandboxed: electron is the only module it may require.
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('the npm bin is the CLI bundle, which needs only better-sqlite3 and Node built-ins', async () => {
    const options = cliBundleOptions(out);
    expect(pkg.bin['switchboard']).toBe('dist-cli/switchboard.cjs');
    expect(pkg.files).toContain('dist-cli/');
    expect(pkg.scripts['prepack']).toContain('build:cli');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const result = await build({ ...options, metafile: true, write: true });
    const external = Object.values(result.metafile.outputs)
      .flatMap((o) => o.imports)
      .filter((i) => i.external && !builtins.has(i.path))
      .map((i) => i.path);
    expect(new Set(external)).toEqual(new Set(['better-sqlite3']));
    expect(readFileSync(options.outfile, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });

  it('packs the bundles, the renderer and package.json, never maps or sources', () => {
    for (const file of [
      'dist-electron/main.cjs',
      'dist-electron/preload.cjs',
      'dist/renderer/index.html',
      'dist/renderer/assets/index-abc.js',
      'package.json',
    ])
      expect(packed(file), file).toBe(true);
    for (const file of [
      'dist/renderer/assets/index-abc.js.map',
      'electron/main.ts',
      'shared/api.ts',
      'test/e2e/captures.spec.ts',
      '.data/switchboard.db',
      'settings.json',
    ])
      expect(packed(file), file).toBe(false);
  });

  it('keeps every native prebuild of better-sqlite3 outside the asar', () => {
    const dir = join('node_modules', 'better-sqlite3', 'prebuilds');
    const prebuilds = readdirSync(dir).map((f) => relative('.', join(dir, f)).split(sep).join('/'));
    expect(prebuilds.length).toBeGreaterThan(0);
    for (const file of prebuilds)
      expect(
        config.asarUnpack.some((p) => minimatch(file, p)),
        file,
      ).toBe(true);
  });
});
