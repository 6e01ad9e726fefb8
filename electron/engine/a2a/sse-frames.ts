// Splits an SSE byte stream into raw frames (everything up to and including the blank line)
// and parses each with eventsource-parser, so every frame is kept exactly as received next to
// its parsed form. Any line ending (CRLF, LF, CR) is accepted, as the SSE spec requires.
//
// Invariant: work is linear in the bytes. Each chunk is scanned once, from where the previous
// one stopped; the bytes of an unfinished frame are held as a list of chunks and joined once,
// when the frame completes. (eventsource-parser alone re-joins its unfinished line on every
// feed, which is quadratic for one huge line, so it only ever sees whole frames here.)
// Why caps: an agent is untrusted; one endless frame or stream must not swell memory or hold
// the event loop (the engine shares it with the webhook receiver and the window).
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { formatSize } from '../../../shared/format-size';

export interface RawFrame {
  raw: string;
  /** Arrival time of the chunk that completed this frame (ms since epoch). */
  at: number;
  /** null for frames without data (comments, retry-only). */
  message: EventSourceMessage | null;
}

export interface FrameLimits {
  /** Largest frame in bytes; past it the stream is refused. */
  maxFrameBytes: number;
  /** Largest whole stream in bytes. */
  maxStreamBytes: number;
}

export const NO_LIMITS: FrameLimits = { maxFrameBytes: Infinity, maxStreamBytes: Infinity };

/** At most this much of a refused frame is kept (its start): storing all 8 MiB in one insert
 *  would hold the event loop for tens of milliseconds, and the start is what explains it. */
export const KEEP_REFUSED_BYTES = 1024 * 1024;

/** Thrown when a cap is passed; `partial` is the start of what was received (at most
 *  KEEP_REFUSED_BYTES). */
export class FrameLimitError extends Error {
  constructor(
    readonly which: 'frame' | 'stream',
    readonly limit: number,
    readonly partial: string,
  ) {
    super(
      which === 'frame'
        ? `an SSE frame passed the ${formatSize(limit)} per-frame limit; the stream was closed after ${formatSize(limit)} of it and its first ${formatSize(Math.min(limit, KEEP_REFUSED_BYTES))} kept (raise "SSE frame limit" in Settings if the agent really sends events this big)`
        : `the stream passed its ${formatSize(limit)} budget and was closed (raise "SSE stream limit" in Settings to read longer streams)`,
    );
  }
}

const LF = 0x0a;
const CR = 0x0d;
const utf8 = new TextDecoder('utf-8');
/** The common frame: one `data:` line and its blank line (what eventsource-parser would
 *  dispatch, read without it: a frame is parsed once, by one regex). */
const ONE_DATA_LINE = /^data: ?([^\r\n]+)\n\n$/;

export function createFrameSplitter(
  onFrame: (frame: RawFrame) => void,
  limits: FrameLimits = NO_LIMITS,
) {
  let parts: Uint8Array[] = []; // bytes of the unfinished frame, in arrival order
  let partBytes = 0;
  let streamBytes = 0;
  let atLineStart = true; // the last byte consumed ended a line (or nothing was consumed yet)
  let pendingCr = false; // the last chunk ended with a CR that may be half of a CRLF
  let pending: EventSourceMessage | null = null;
  const parser = createParser({ onEvent: (m) => void (pending = m) });

  const take = (chunk: Uint8Array, from: number, to: number) => {
    if (to <= from) return;
    partBytes += to - from;
    // A frame's lines usually lie side by side in memory: one view, nothing to join later.
    const last = parts[parts.length - 1];
    if (
      last &&
      last.buffer === chunk.buffer &&
      last.byteOffset + last.length === chunk.byteOffset + from
    )
      parts[parts.length - 1] = new Uint8Array(
        chunk.buffer,
        last.byteOffset,
        last.length + (to - from),
      );
    else parts.push(chunk.subarray(from, to));
  };
  const joined = (): Uint8Array => {
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(partBytes);
    let o = 0;
    for (const p of parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  };
  const emit = (at: number) => {
    if (partBytes > limits.maxFrameBytes) throw frameTooLarge();
    const raw = utf8.decode(joined());
    parts = [];
    partBytes = 0;
    pending = null;
    const one = ONE_DATA_LINE.exec(raw);
    if (one) {
      onFrame({ raw, at, message: { id: undefined, event: undefined, data: one[1] as string } });
      return;
    }
    // The parser holds a trailing CR back (it might start a CRLF); the block is complete,
    // so hand it LF endings to dispatch its event now.
    parser.feed(raw.replace(/\r\n?/g, '\n'));
    onFrame({ raw, at, message: pending });
  };
  /** A line terminator ending at `end` (exclusive) of `chunk`; the frame's bytes of this chunk
   *  start at `from`; `before` = frame bytes before the terminator. An empty line ends a frame
   *  that has bytes (a blank line at a frame's start is kept with the next frame, as before). */
  const terminator = (chunk: Uint8Array, from: number, end: number, before: number, at: number) => {
    take(chunk, from, end);
    if (atLineStart && before > 0) emit(at);
    atLineStart = true;
  };
  const frameTooLarge = () =>
    new FrameLimitError(
      'frame',
      limits.maxFrameBytes,
      utf8.decode(joined().subarray(0, Math.min(limits.maxFrameBytes, KEEP_REFUSED_BYTES))),
    );
  const overLimit = (): FrameLimitError | null => {
    if (partBytes > limits.maxFrameBytes) return frameTooLarge();
    return null;
  };
  const rest = () => utf8.decode(joined());

  return {
    /** Consumes one chunk; throws FrameLimitError when a cap is passed. */
    push(chunk: Uint8Array, at: number): void {
      if (streamBytes + chunk.length > limits.maxStreamBytes) {
        const room = limits.maxStreamBytes - streamBytes;
        throw new FrameLimitError(
          'stream',
          limits.maxStreamBytes,
          (rest() + utf8.decode(chunk.subarray(0, Math.max(0, room)))).slice(0, KEEP_REFUSED_BYTES),
        );
      }
      streamBytes += chunk.length;
      let from = 0; // start of the bytes of this chunk not yet handed to `parts`
      let i = 0;
      if (pendingCr) {
        pendingCr = false;
        // The CR was held back; with the LF that follows it is one terminator.
        const end = chunk[0] === LF ? 1 : 0;
        terminator(chunk, 0, end, partBytes - 1, at);
        from = i = end;
      }
      // Next CR / LF positions, each searched again only once passed: linear in the chunk.
      let nextCr = chunk.indexOf(CR, i);
      let nextLf = chunk.indexOf(LF, i);
      while (nextCr >= 0 || nextLf >= 0) {
        const t = nextLf < 0 || (nextCr >= 0 && nextCr < nextLf) ? nextCr : nextLf;
        if (t > i) atLineStart = false;
        if (chunk[t] === CR && t + 1 === chunk.length) {
          take(chunk, from, t + 1);
          from = i = t + 1;
          pendingCr = true;
          break;
        }
        const end = chunk[t] === CR && chunk[t + 1] === LF ? t + 2 : t + 1;
        terminator(chunk, from, end, partBytes + (t - from), at);
        from = i = end;
        if (nextCr >= 0 && nextCr < i) nextCr = chunk.indexOf(CR, i);
        if (nextLf >= 0 && nextLf < i) nextLf = chunk.indexOf(LF, i);
      }
      if (i < chunk.length) atLineStart = false;
      take(chunk, from, chunk.length);
      const err = overLimit();
      if (err) throw err;
    },
    /** The stream closed: a held-back CR ends its line; returns what is left (an incomplete
     *  frame, discarded by SSE rules). */
    end(at: number): string {
      if (pendingCr) {
        pendingCr = false;
        if (atLineStart && partBytes > 1) emit(at);
      }
      return rest();
    },
    /** What is left of an unfinished frame. */
    rest,
  };
}

/** Reads a fetch body to the end, calling onFrames with the frames each chunk completed;
 *  returns the unterminated rest. Throws FrameLimitError after delivering complete frames. */
export async function readFrames(
  body: ReadableStream<Uint8Array>,
  onFrames: (frames: RawFrame[]) => void,
  limits: FrameLimits = NO_LIMITS,
): Promise<string> {
  let batch: RawFrame[] = [];
  const splitter = createFrameSplitter((f) => batch.push(f), limits);
  const flush = () => {
    if (!batch.length) return;
    const frames = batch;
    batch = [];
    onFrames(frames);
  };
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      try {
        splitter.push(value, Date.now());
      } finally {
        flush();
      }
    }
    const rest = splitter.end(Date.now());
    flush();
    return rest;
  } catch (err) {
    // Stop the transfer: nothing more is read from an agent past a cap.
    await reader.cancel().catch(() => undefined);
    throw err;
  } finally {
    reader.releaseLock();
  }
}
