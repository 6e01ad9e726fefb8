// Splits an SSE byte stream into raw frames (everything up to and including the blank line)
// and parses each with eventsource-parser, so every frame is kept exactly as received next to
// its parsed form. Any line ending (CRLF, LF, CR) is accepted, as the SSE spec requires.
import { createParser, type EventSourceMessage } from 'eventsource-parser';

export interface RawFrame {
  raw: string;
  /** Arrival time of the chunk that completed this frame (ms since epoch). */
  at: number;
  /** null for frames without data (comments, retry-only). */
  message: EventSourceMessage | null;
}

// A blank line: two line terminators in a row; a lone CR counts only when not followed by LF.
const BLANK_LINE = /(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r(?!\n))/;

export function createFrameSplitter(onFrame: (frame: RawFrame) => void) {
  let buffer = '';
  let pending: EventSourceMessage | null = null;
  const parser = createParser({
    onEvent: (m) => {
      pending = m;
    },
  });
  return {
    push(text: string, at: number): void {
      buffer += text;
      for (;;) {
        // A trailing CR may be the first half of a CRLF split across chunks: wait for more.
        const searchable = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
        const m = BLANK_LINE.exec(searchable);
        if (!m) return;
        const end = m.index + m[0].length;
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end);
        pending = null;
        // The parser holds a trailing CR back (it might start a CRLF); the block is complete,
        // so hand it LF endings to dispatch its event now.
        parser.feed(raw.replace(/\r\n?/g, '\n'));
        onFrame({ raw, at, message: pending });
      }
    },
    /** What is left when the stream closes (an incomplete frame, discarded by SSE rules). */
    rest(): string {
      return buffer;
    },
  };
}

/** Reads a fetch body to the end, calling onFrame per frame; returns the unterminated rest. */
export async function readFrames(
  body: ReadableStream<Uint8Array>,
  onFrame: (frame: RawFrame) => void,
): Promise<string> {
  const splitter = createFrameSplitter(onFrame);
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      splitter.push(decoder.decode(value, { stream: true }), Date.now());
    }
    splitter.push(decoder.decode(), Date.now());
    return splitter.rest();
  } finally {
    reader.releaseLock();
  }
}
