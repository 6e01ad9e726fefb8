// Types of scripts/node-version.mjs for the TypeScript callers (the CLI, tests).
export const MIN_NODE: [number, number];
export function nodeVersionProblem(version?: string): string | null;
export function assertNodeVersion(): void;
