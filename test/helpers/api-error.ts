// Awaits a promise that must reject with an ApiError and returns that error (fails otherwise).
import { expect } from 'vitest';
import { ApiError } from '../../shared/api';

export async function apiError(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}
