// Public API of the verification library (pure: WebCrypto, TextEncoder/Decoder and jose only).
// The engine, re-verification, replay and demo agents import from here and nowhere deeper.
export type {
  VerifyContext,
  VerifyInput,
  JwksFetch,
  RegisteredToken,
  RegisteredTokens,
} from './types';
export type { SyncCrypto } from './sync-crypto';
export { verifyCapture, verifyCheck } from './verify-capture';
export { verdictOf } from './verdict';
export { jtiReplayed } from './check-jti';
export { extractTaskId } from './task-id';
export { headerValue, parseAuthorization } from './headers';
export { decodeJwtForDisplay } from './jwt-decode';
export {
  hmacSha256Hex,
  hmacSha256Base64,
  sha256Hex,
  standardWebhooksKey,
  timingSafeEqual,
} from './hmac';
