// Inputs of the verification library: the captured request and the engine's hooks.
import type { FetchImplementation } from 'jose';
import type { HeaderPair } from '../model';
import type { SyncCrypto } from './sync-crypto';

export interface VerifyInput {
  method: string;
  path: string;
  /** Raw headers in arrival order. */
  headers: HeaderPair[];
  /** The exact bytes received; every signature is checked against these, never a re-parse. */
  body: Uint8Array;
  /** When the receiver got the request (ms since epoch); time checks are judged at this moment. */
  receivedAt: number;
  taskId: string | null;
}

/** How a JWKS document is fetched (jose's customFetch signature). */
export type JwksFetch = FetchImplementation;

/** A notification token Switchboard registered with an agent (push config of a message or task). */
export interface RegisteredToken {
  /** The task it was registered for; null while the agent has not yet named the task. */
  taskId: string | null;
  /** The agent's push config id, when known. */
  configId: string | null;
  /** What it is: the notification token (default), or the credential of the push config's
   *  `authentication`, which the agent sends as `Authorization: <scheme> <credential>`. */
  kind?: 'token' | 'authorization';
}

/** Lookup of the tokens Switchboard registered itself (the engine keeps them as secrets). */
export interface RegisteredTokens {
  /** The registration of exactly this token, or null when Switchboard never registered it. */
  find(token: string): RegisteredToken | null;
  /** How many tokens Switchboard registered for a task (0 = none). */
  countForTask(taskId: string): number;
}

export interface VerifyContext {
  /** Records a JWT id; returns the capture id that already used it, or null if first seen. */
  rememberJti(jti: string): number | null | Promise<number | null>;
  /** Optional fetch for JWKS (tests inject); defaults to global fetch via jose createRemoteJWKSet. */
  fetchJwks?: JwksFetch;
  /** Per-task tokens Switchboard registered; absent = only the configured token counts. */
  registeredTokens?: RegisteredTokens;
  /** Synchronous HMAC/SHA-256 of the host (the engine: node:crypto); absent = WebCrypto. */
  crypto?: SyncCrypto;
  /** ms; defaults to Date.now. Used only when `receivedAt` is not a usable time. */
  now?: () => number;
}
