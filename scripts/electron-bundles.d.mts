// Types of scripts/electron-bundles.mjs for the packaging test.
import type { BuildOptions } from 'esbuild';
export const EXTERNAL: string[];
export function bundleOptions(outDir?: string): (BuildOptions & { outfile: string })[];
export function cliBundleOptions(outDir?: string): BuildOptions & { outfile: string };
