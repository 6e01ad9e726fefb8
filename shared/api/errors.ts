// Turns any error thrown while serving an operation into what both bindings send back: an
// HTTP-style status, a stable code and a message the user can act on. The one way to read a
// caught value's message is errorText (shared/error-text.ts).
import { ZodError } from 'zod';
import { ApiError } from './define';
import type { ApiErrorCode } from './error-codes';
import { errorText } from '../error-text';

export interface ErrorInfo {
  status: number;
  code: ApiErrorCode;
  message: string;
}

/** Status, code and message of anything thrown while serving an operation. */
export function errorInfo(err: unknown): ErrorInfo {
  if (err instanceof ZodError) {
    const message = err.issues
      .map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`)
      .join('; ');
    return { status: 400, code: 'invalid_arguments', message };
  }
  if (err instanceof ApiError) return { status: err.status, code: err.code, message: err.message };
  return { status: 500, code: 'internal', message: errorText(err) };
}
