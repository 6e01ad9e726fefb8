// Types of scripts/electron-binary.mjs for the TypeScript callers (tests).
export function findElectron(opts?: {
  download?: boolean;
}):
  | { binary: string; version: string; reason?: undefined }
  | { reason: string; binary?: undefined };
