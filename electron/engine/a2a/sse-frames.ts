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
const BLANK_LINE = /(?:\r\n|\n|\r(?!\n))(?:\r\n|\n|\r(?!\n))/g;

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
      // A trailing CR may be the first half of a CRLF split across chunks: wait for more.
      const searchable = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
      let pos = 0;
      BLANK_LINE.lastIndex = 0;
      for (let m = BLANK_LINE.exec(searchable); m; m = BLANK_LINE.exec(searchable)) {
        const end = m.index + m[0].length;
        const raw = buffer.slice(pos, end);
        pos = end;
        pending = null;
        // The parser holds a trailing CR back (it might start a CRLF); the block is complete,
        // so hand it LF endings to dispatch its event now.
        parser.feed(raw.replace(/\r\n?/g, '\n'));
        onFrame({ raw, at, message: pending });
      }
      buffer = buffer.slice(pos);
    },
    /** What is left when the stream closes (an incomplete frame, discarded by SSE rules). */
    rest(): string {
      return buffer;
    },
  };
}

/** Reads a fetch body to the end, calling onFrames with the frames each chunk completed;
 *  returns the unterminated rest. */
export async function readFrames(
  body: ReadableStream<Uint8Array>,
  onFrames: (frames: RawFrame[]) => void,
): Promise<string> {
  let batch: RawFrame[] = [];
  const splitter = createFrameSplitter((f) => batch.push(f));
  const flush = () => {
    if (!batch.length) return;
    const frames = batch;
    batch = [];
    onFrames(frames);
  };
  const decoder = new TextDecoder('utf-8');
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      splitter.push(decoder.decode(value, { stream: true }), Date.now());
      flush();
    }
    splitter.push(decoder.decode(), Date.now());
    flush();
    return splitter.rest();
  } finally {
    reader.releaseLock();
  }
}
