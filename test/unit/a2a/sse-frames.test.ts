// The frame splitter keeps each raw frame exactly and parses it, whatever the line endings and
// however the bytes are chunked.
import { describe, expect, it } from 'vitest';
import { createFrameSplitter, type RawFrame } from '../../../electron/engine/a2a/sse-frames';

function split(chunks: string[]): { frames: RawFrame[]; rest: string } {
  const frames: RawFrame[] = [];
  const s = createFrameSplitter((f) => frames.push(f));
  chunks.forEach((c, i) => s.push(c, i));
  return { frames, rest: s.rest() };
}

describe('createFrameSplitter', () => {
  it('keeps raw frames and parses data, event and comments', () => {
    const { frames, rest } = split([': hi\n\nevent: error\ndata: {"a":1}\n\ndata: x\ndata: y\n\n']);
    expect(frames.map((f) => f.raw)).toEqual([
      ': hi\n\n',
      'event: error\ndata: {"a":1}\n\n',
      'data: x\ndata: y\n\n',
    ]);
    expect(frames.map((f) => f.message)).toEqual([
      null,
      { event: 'error', data: '{"a":1}', id: undefined },
      { data: 'x\ny', event: undefined, id: undefined },
    ]);
    expect(rest).toBe('');
  });
  it('handles CRLF and CR, split anywhere', () => {
    const text = 'data: 1\r\n\r\ndata: 2\r\rdata: 3\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const { frames } = split([text.slice(0, cut), text.slice(cut)]);
      expect(frames.map((f) => f.message?.data)).toEqual(['1', '2', '3']);
      expect(frames.map((f) => f.raw).join('')).toBe(text);
    }
  });
  it('leaves an unterminated frame as the rest', () => {
    const { frames, rest } = split(['data: 1\n\ndata: {"trunc']);
    expect(frames).toHaveLength(1);
    expect(rest).toBe('data: {"trunc');
  });
  it('records the arrival time of the completing chunk', () => {
    expect(split(['data: a', '\n\n']).frames[0]!.at).toBe(1);
  });
});
