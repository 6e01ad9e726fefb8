import { describe, expect, it } from 'vitest';
import { bodyDiff, headerDiff } from '../../../renderer/views/replay/edit-diff';

describe('edited replay preview diff', () => {
  it('lists changed JSON paths, or says the edit is not JSON any more', () => {
    const a = '{"status": "completed", "meta": {"n": 1}, "list": [1]}';
    expect(bodyDiff(a, '{"status":"failed","meta":{},"list":[1,2],"x":true}')).toEqual([
      { what: '$.status', kind: 'changed', detail: '"completed" → "failed"' },
      { what: '$.meta.n', kind: 'removed', detail: '1' },
      { what: '$.list[1]', kind: 'added', detail: '2' },
      { what: '$.x', kind: 'added', detail: 'true' },
    ]);
    expect(bodyDiff(a, '{"status": ')[0]).toMatchObject({ kind: 'warning' });
    expect(bodyDiff(a, a)).toEqual([]);
  });

  it('lists header changes case-insensitively', () => {
    expect(
      headerDiff(
        [
          ['X-A', '1'],
          ['X-B', '2'],
        ],
        [
          ['x-a', '1'],
          ['X-C', '3'],
        ],
      ),
    ).toEqual([
      { what: 'x-b', kind: 'removed', detail: '2' },
      { what: 'x-c', kind: 'added', detail: '3' },
    ]);
  });
});
