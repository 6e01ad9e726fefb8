import { describe, expect, it } from 'vitest';
import {
  createSafeStorageCodec,
  ENCRYPTED_PREFIX,
  type SafeStorageLike,
} from '../../../electron/secret-codec';

/** A fake safeStorage: reversible but not identity, like the real one. */
function fakeSafe(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from([...Buffer.from(s)].reverse()),
    decryptString: (b) => Buffer.from([...b].reverse()).toString(),
    getSelectedStorageBackend: () => backend,
  };
}

describe('createSafeStorageCodec', () => {
  it('encrypts with a prefix and round-trips', () => {
    const codec = createSafeStorageCodec(fakeSafe(), 'linux');
    expect(codec).not.toBeNull();
    const stored = codec!.encode('s3cret');
    expect(stored.startsWith(ENCRYPTED_PREFIX)).toBe(true);
    expect(stored).not.toContain('s3cret');
    expect(codec!.decode(stored)).toBe('s3cret');
  });
  it('reads values saved before encryption as plain text', () => {
    expect(createSafeStorageCodec(fakeSafe(), 'darwin')!.decode('plain-old')).toBe('plain-old');
  });
  it('is absent where the OS offers no real encryption', () => {
    expect(createSafeStorageCodec(fakeSafe(false), 'win32')).toBeNull();
    expect(createSafeStorageCodec(fakeSafe(true, 'basic_text'), 'linux')).toBeNull();
  });
});
