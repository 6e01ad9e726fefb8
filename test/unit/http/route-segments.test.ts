// Route parameters carry agent data: dot-only ids (`.`, `..`) and ids starting with `~` must
// survive URL parsing (which resolves dot segments) and come back unchanged.
import { describe, expect, it } from 'vitest';
import { fillPath } from '../../../shared/api';
import { escapeSegment, unescapeSegment } from '../../../shared/api/define';

describe('route segment escaping', () => {
  it.each(['..', '.', '...', '~', '~..', '~x', 'task-1', 'a.b', 'ä/ö?#'])(
    'round-trips %j through a parsed URL',
    (id) => {
      const { path } = fillPath('/api/tasks/:taskId/timeline', { taskId: id });
      const parsed = new URL(path, 'http://127.0.0.1').pathname;
      const segment = parsed.split('/')[3]!;
      expect(parsed).toMatch(/^\/api\/tasks\/[^/]+\/timeline$/);
      expect(unescapeSegment(decodeURIComponent(segment))).toBe(id);
    },
  );

  it('leaves ordinary ids untouched', () => {
    expect(escapeSegment('task-1')).toBe('task-1');
    expect(escapeSegment('..')).toBe('~..');
  });
});
