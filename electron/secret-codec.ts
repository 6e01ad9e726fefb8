// Secrets at rest in the desktop app: encrypted with Electron safeStorage (OS keychain / DPAPI /
// libsecret) when available. The engine's settings store calls encode/decode (SecretCodec).
// Values written before encryption was available (no prefix) still decode, as plain text.
import type { SecretCodec } from './engine/settings';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?: () => string;
}

export const ENCRYPTED_PREFIX = 'safestorage:v1:';

/** A codec over safeStorage, or null when the OS offers no real encryption (then the settings
 *  file stays plain but mode 0600; on Linux "basic_text" is a hard-coded key, so it counts as none). */
export function createSafeStorageCodec(
  safe: SafeStorageLike,
  platform: NodeJS.Platform = process.platform,
): SecretCodec | null {
  if (!safe.isEncryptionAvailable()) return null;
  if (platform === 'linux' && safe.getSelectedStorageBackend?.() === 'basic_text') return null;
  return {
    encode: (plain) => ENCRYPTED_PREFIX + safe.encryptString(plain).toString('base64'),
    decode(stored) {
      if (!stored.startsWith(ENCRYPTED_PREFIX)) return stored;
      return safe.decryptString(Buffer.from(stored.slice(ENCRYPTED_PREFIX.length), 'base64'));
    },
  };
}
