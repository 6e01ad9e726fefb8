import { describe, expect, it } from 'vitest';
import { parseHeaderLines, replayableHeaders, editHeaders } from '../../../shared/wire-headers';

describe('wire headers', () => {
  it('drops hop-by-hop, Connection-named, Host, Content-Length and Expect; keeps order and case', () => {
    expect(
      replayableHeaders([
        ['Host', 'x'],
        ['X-B', '1'],
        ['Connection', 'keep-alive, X-Private'],
        ['x-private', 'secret'],
        ['Transfer-Encoding', 'chunked'],
        ['x-a', '2'],
        ['Content-Length', '3'],
        ['Expect', '100-continue'],
      ]),
    ).toEqual([
      ['X-B', '1'],
      ['x-a', '2'],
    ]);
  });

  it('editHeaders.set replaces in place keeping the casing, removes later duplicates, appends if absent', () => {
    const h: [string, string][] = [
      ['x-a2a-signature', 'a'],
      ['B', '1'],
      ['X-A2A-Signature', 'b'],
    ];
    const edit = editHeaders(h);
    expect(edit.get('X-A2A-SIGNATURE')).toBe('a');
    edit.set('X-A2A-Signature', 'new');
    expect(edit.get('x-a2a-signature')).toBe('new');
    edit.set('X-New', 'v');
    expect(edit.pairs()).toEqual([
      ['x-a2a-signature', 'new'],
      ['B', '1'],
      ['X-New', 'v'],
    ]);
    // The list it was made from is not changed.
    expect(h[0]).toEqual(['x-a2a-signature', 'a']);
    expect(h).toHaveLength(3);
  });

  it('reads the replay form\'s "Name: value" lines in order, keeping what is not a header', () => {
    expect(parseHeaderLines('X-A: 1\r\n\n  X-B:  two: parts\nno-colon')).toEqual([
      ['X-A', '1'],
      ['X-B', 'two: parts'],
      ['no-colon', ''],
    ]);
  });
});
