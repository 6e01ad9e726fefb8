// What every transport hands the rest of the client: a unary answer (RpcAnswer, from
// rpc-client.ts: the JSON-RPC-equivalent `result` of the call's protocol version) and, for
// streams, a FrameStream whose frames carry their raw text as received and, when the wire form
// is not a JSON-RPC envelope (HTTP+JSON, gRPC), the event already normalised. The stream
// session, timeline, linter and wire log read only this.
import type { Finding, NormalizedEvent } from '../../../../shared/a2a/types';
import type { FrameLimits, RawFrame } from '../sse-frames';

/** One stream event. `parsed` is set by transports whose frames are not JSON-RPC envelopes;
 *  without it the frame's `data` is parsed as a JSON-RPC response (lint.ts parseFrame). */
export interface TransportFrame extends RawFrame {
  parsed?: { event: NormalizedEvent | null; problem?: Finding };
}

export interface FrameOptions {
  taskId: string | null;
  timeoutMs: number;
  /** Aborting it stops reading (the user disconnected). */
  signal: AbortSignal;
  redactInBody?: string[] | undefined;
  limits: FrameLimits;
}

export interface FrameStream {
  /** The wire-log exchange of this stream (written before anything was sent). */
  exchangeId: number;
  /** The answer's content type (linted: SSE transports must say text/event-stream). */
  contentType: string | null;
  /** Reads to the end, handing each network chunk's frames to `onFrames`; resolves with the
   *  unterminated rest ('' when the transport has none). Throws FrameLimitError past a cap,
   *  or an Error when the stream breaks. */
  read(onFrames: (frames: TransportFrame[]) => void): Promise<string>;
}
