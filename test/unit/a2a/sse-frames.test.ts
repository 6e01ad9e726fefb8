// The frame splitter keeps each raw frame exactly and parses it, whatever the line endings and
// however the bytes are chunked.
import { describe, expect, it } from 'vitest';
import {
  createFrameSplitter,
  FrameLimitError,
  type FrameLimits,
  type RawFrame,
} from '../../../electron/engine/a2a/sse-frames';

const enc = new TextEncoder();

function split(chunks: (string | Uint8Array)[], limits?: FrameLimits) {
  const frames: RawFrame[] = [];
  const s = createFrameSplitter((f) => frames.push(f), limits);
  chunks.forEach((c, i) => s.push(typeof c === 'string' ? enc.encode(c) : c, i));
  return { frames, rest: s.end(chunks.length) };
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
  it('keeps a UTF-8 character split across chunks whole', () => {
    const bytes = enc.encode('data: héllo ✓\n\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const { frames } = split([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(frames.map((f) => f.message?.data)).toEqual(['héllo ✓']);
    }
  });
  it('ends a frame on a CR that is the last byte of the stream', () => {
    const { frames, rest } = split(['data: 1\r', '\r']);
    expect(frames.map((f) => f.raw)).toEqual(['data: 1\r\r']);
    expect(rest).toBe('');
  });
  it('keeps extra blank lines with the next frame, as received', () => {
    const { frames } = split(['data: a\n\n\n\ndata: b\n\n']);
    expect(frames.map((f) => f.raw)).toEqual(['data: a\n\n', '\n\n', 'data: b\n\n']);
  });
  it('refuses a frame past the per-frame cap, keeping what was received up to the cap (small caps)', () => {
    const limits = { maxFrameBytes: 1000, maxStreamBytes: Infinity };
    const frames: RawFrame[] = [];
    const s = createFrameSplitter((f) => frames.push(f), limits);
    s.push(enc.encode('data: ok\n\ndata: '), 0);
    let err: unknown;
    try {
      for (let i = 0; i < 100; i++) s.push(enc.encode('x'.repeat(100)), 1);
    } catch (e) {
      err = e;
    }
    expect(frames.map((f) => f.message?.data)).toEqual(['ok']);
    expect(err).toBeInstanceOf(FrameLimitError);
    const e = err as FrameLimitError;
    expect(e.which).toBe('frame');
    expect(e.partial).toBe('data: ' + 'x'.repeat(994));
    expect(e.message).toMatch(/per-frame limit/);
  });
  it('refuses a frame past the cap even when it arrives complete in one chunk', () => {
    const limits = { maxFrameBytes: 10, maxStreamBytes: Infinity };
    expect(() => split(['data: 0123456789\n\n'], limits)).toThrow(FrameLimitError);
  });
  it('ends an endless stream of small frames at the stream budget', () => {
    const limits = { maxFrameBytes: 100, maxStreamBytes: 500 };
    const frames: RawFrame[] = [];
    const s = createFrameSplitter((f) => frames.push(f), limits);
    let err: unknown;
    try {
      for (let i = 0; i < 1000; i++) s.push(enc.encode('data: {}\n\n'), i);
    } catch (e) {
      err = e;
    }
    expect((err as FrameLimitError).which).toBe('stream');
    expect(frames.length).toBe(50);
  });
  it('scans a 32 MiB frame dripped in 64 KiB chunks once (linear, not quadratic)', () => {
    // Counted work, not time: every byte must be handed to the frame exactly once.
    const chunk = enc.encode('x'.repeat(64 * 1024));
    const frames: RawFrame[] = [];
    const s = createFrameSplitter((f) => frames.push(f));
    s.push(enc.encode('data: '), 0);
    for (let i = 0; i < 512; i++) s.push(chunk, 0);
    s.push(enc.encode('\n\n'), 1);
    expect(frames).toHaveLength(1);
    expect(frames[0]!.message!.data.length).toBe(32 * 1024 * 1024);
  });
});
