// The one argument parser of every `switchboard` command: node:util parseArgs in strict mode,
// with its errors (unknown option, missing value, stray positional) and our own checks turned
// into UsageError, which the entry point prints on stderr with the usage and exit code 2.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Exit codes of the CLI, documented in docs/ci.md. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export class UsageError extends Error {
  constructor(
    message: string,
    readonly usage: string,
  ) {
    super(message);
  }
}

export interface ParsedArgs<O extends ParseArgsOptionsConfig> {
  values: ReturnType<
    typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>
  >['values'];
  positionals: string[];
}

/** Parses argv (after the command name) against `options`, allowing at most `maxPositionals`. */
export function parseCommand<O extends ParseArgsOptionsConfig>(
  argv: string[],
  options: O,
  usage: string,
  maxPositionals = 0,
): ParsedArgs<O> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message, usage);
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}"`, usage);
  }
  return { values: parsed.values, positionals: parsed.positionals };
}

/** A value that must be one of `allowed`, e.g. --format markdown|json. */
export function oneOf<T extends string>(
  value: string,
  allowed: readonly T[],
  flag: string,
  usage: string,
): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`, usage);
}

/** A whole number >= min, e.g. --count 1 or --timeout 30. */
export function wholeNumber(value: string, flag: string, min: number, usage: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < min) {
    throw new UsageError(`${flag} must be a whole number >= ${min} (got "${value}")`, usage);
  }
  return n;
}

export const FORMATS = ['markdown', 'json'] as const;

/** Runs a value check that throws a plain Error (parsePort, parseSpeed) as a usage error. */
export function asUsage<T>(check: () => T, usage: string): T {
  try {
    return check();
  } catch (err) {
    throw new UsageError((err as Error).message, usage);
  }
}
