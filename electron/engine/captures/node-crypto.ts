// The engine's synchronous crypto for the verifiers and re-signing: node:crypto's HMAC and
// SHA-256 run on the calling thread, where WebCrypto hops to the thread pool and back per call.
// Strings go to node:crypto as they are (it hashes their UTF-8 bytes, no TextEncoder copy).
import { createHmac, hash } from 'node:crypto';
import type { SyncCrypto } from '../../../shared/verify/index';

export const nodeCrypto: SyncCrypto = {
  hmacSha256: (key, data) => createHmac('sha256', key).update(data).digest(),
  hmacSha256Hex: (key, data) => createHmac('sha256', key).update(data).digest('hex'),
  // One-shot hash: no Hash object per call (half the time of createHash for a webhook body).
  sha256Hex: (data) => hash('sha256', data, 'hex'),
};
