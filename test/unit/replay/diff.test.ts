// The one replay edit diff (shared/replay/diff.ts): the engine's result and the form's preview.
import { describe, expect, it } from 'vitest';
import { bodyChanges, brokenJsonWarning, headerChanges } from '../../../shared/replay/diff';

const enc = (s: string) => new TextEncoder().encode(s);

describe('replay edit diff', () => {
  it('lists changed JSON paths, or the sizes when a side is not JSON', () => {
    const a = '{"status": "completed", "meta": {"n": 1}, "list": [1]}';
    expect(bodyChanges(enc(a), enc('{"status":"failed","meta":{},"list":[1,2],"x":true}'))).toEqual(
      [
        { field: 'body $.status', kind: 'replaced', before: '"completed"', after: '"failed"' },
        { field: 'body $.meta.n', kind: 'removed', before: '1' },
        { field: 'body $.list[1]', kind: 'added', after: '2' },
        { field: 'body $.x', kind: 'added', after: 'true' },
      ],
    );
    expect(bodyChanges(enc(a), enc('{"status": '))).toEqual([
      { field: 'body', kind: 'replaced', before: `${a.length} bytes`, after: '11 bytes' },
    ]);
    expect(bodyChanges(enc(a), enc(a))).toEqual([]);
    expect(bodyChanges(enc('{"a":1}'), enc('{ "a": 1 }'))[0]).toMatchObject({ kind: 'note' });
  });

  it('warns before sending when a JSON capture was edited into something that is not JSON', () => {
    const a = '{"status": "completed"}';
    expect(brokenJsonWarning(a, '{"status": ')?.note).toMatch(/^not valid JSON any more: /);
    expect(brokenJsonWarning(a, '{"status": "failed"}')).toBeNull();
    expect(brokenJsonWarning('plain text', 'other text')).toBeNull();
  });

  it('lists header changes case-insensitively, keeping the edited spelling', () => {
    expect(
      headerChanges(
        [
          ['X-A', '1'],
          ['X-B', '2'],
          ['X-D', '4'],
        ],
        [
          ['x-a', '1'],
          ['X-C', '3'],
          ['X-D', '5'],
        ],
      ),
    ).toEqual([
      { field: 'X-B', kind: 'removed', before: '2' },
      { field: 'X-D', kind: 'replaced', before: '4', after: '5' },
      { field: 'X-C', kind: 'added', after: '3' },
    ]);
  });
});
