// Which JWT claims are times (numeric seconds) and get local-time + relative annotations.
// Decoding itself is shared/verify/jwt-decode.ts (display only, no verification).
export const TIME_CLAIMS = ['exp', 'iat', 'nbf', 'auth_time'] as const;

export function isTimeClaim(name: string, value: unknown): value is number {
  return (TIME_CLAIMS as readonly string[]).includes(name) && typeof value === 'number';
}
