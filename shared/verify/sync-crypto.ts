// The synchronous hashing a host may inject into verification and signing (the engine passes
// node:crypto, see electron/engine/captures/node-crypto.ts). Without one the verifiers use
// WebCrypto (the renderer's case). Only the interface lives here: shared/ stays free of Node.
// Text arguments stand for their UTF-8 bytes: the host hashes them without a copy to bytes.

export type BytesOrText = Uint8Array | string;

export interface SyncCrypto {
  hmacSha256(key: BytesOrText, data: BytesOrText): Uint8Array;
  /** The same MAC as lower-case hex (cheaper than bytes, then hex, on the host). */
  hmacSha256Hex(key: BytesOrText, data: BytesOrText): string;
  sha256Hex(data: BytesOrText): string;
}
