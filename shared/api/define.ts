// How an API operation is declared: HTTP verb + route + zod schema of its one argument object,
// and (as a phantom type) its result. Both bindings (IPC, HTTP) and both bridges are derived
// from these declarations, so no channel name or route string is written twice.
import type { z } from 'zod';
import type { ApiErrorCode } from './error-codes';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OpSpec<A extends z.ZodType = z.ZodType, R = unknown> {
  readonly verb: HttpVerb;
  /** Express-style path; `:name` segments are filled from the argument object's fields. */
  readonly path: string;
  /** Validates the argument object in every binding (the renderer is untrusted). For GET and
   *  DELETE the non-path fields travel as query strings, so numbers/booleans must be coerced. */
  readonly args: A;
  /** Result is raw bytes (Uint8Array): HTTP sends application/octet-stream. */
  readonly binary?: boolean;
  /** Phantom: carries the result type only. */
  readonly result?: R;
}

/** `op<Result>()({ verb, path, args })` declares one operation. */
export function op<R>() {
  return <A extends z.ZodType>(spec: Omit<OpSpec<A, R>, 'result'>): OpSpec<A, R> => spec;
}

export type OpTable = Record<string, OpSpec>;
export type ArgsIn<S> = S extends OpSpec<infer A, unknown> ? z.input<A> : never;
export type ArgsOut<S> = S extends OpSpec<infer A, unknown> ? z.output<A> : never;
export type ResultOf<S> = S extends OpSpec<z.ZodType, infer R> ? R : never;

/** What a caller (the renderer) sees. */
export type ClientOf<T extends OpTable> = {
  [K in keyof T]: (args: ArgsIn<T[K]>) => Promise<ResultOf<T[K]>>;
};
/** What the engine implements: receives already-validated arguments. */
export type HandlersOf<T extends OpTable> = {
  [K in keyof T]: (args: ArgsOut<T[K]>) => Promise<ResultOf<T[K]>>;
};

/** Fills `:param` segments of a route from the argument object and returns the rest. */
export function fillPath(
  path: string,
  args: Record<string, unknown>,
): { path: string; rest: Record<string, unknown> } {
  const rest = { ...args };
  const filled = path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = rest[name];
    delete rest[name];
    if (value === undefined || value === null) throw new Error(`missing route parameter ${name}`);
    return encodeURIComponent(escapeSegment(String(value)));
  });
  return { path: filled, rest };
}

/**
 * Route parameters are agent data (a task id may be `..`). URL parsers resolve `.` and `..`
 * segments, even percent-encoded, so `/api/tasks/../timeline` would become `/api/timeline`.
 * A dot-only value, and any value starting with `~`, travels with one `~` prepended; the HTTP
 * binding strips it (unescapeSegment). Reversible for every string.
 */
export function escapeSegment(value: string): string {
  return /^\.+$/.test(value) || value.startsWith('~') ? `~${value}` : value;
}

export function unescapeSegment(value: string): string {
  return value.startsWith('~') ? value.slice(1) : value;
}

/** Error with an HTTP-ish status, thrown by engine handlers and carried across both bindings. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
