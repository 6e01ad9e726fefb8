// The synchronous hashing a host may inject into verification and signing (the engine passes
// node:crypto, see electron/engine/captures/node-crypto.ts). Without one the verifiers use
// WebCrypto (the renderer's case). Only the interface lives here: shared/ stays free of Node.
export interface SyncCrypto {
  hmacSha256(key: Uint8Array, data: Uint8Array): Uint8Array;
  sha256(data: Uint8Array): Uint8Array;
}
