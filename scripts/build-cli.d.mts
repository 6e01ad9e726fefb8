// Types of scripts/build-cli.mjs for the TypeScript callers (tests, benchmarks).
export function buildCli(): Promise<string>;
