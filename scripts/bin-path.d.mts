// Types of scripts/bin-path.mjs for the TypeScript callers (benchmarks, tests).
export function binPath(pkg: string, name?: string): string;
export function viteBuild(extra?: string[]): [string, string[]];
