// The handler report's judge for an accept-once probe: copies sent at once may be answered in
// any order, so one accepted copy is secure whichever it was; sent one after another, the first
// must be the accepted one.
import { expect, it } from 'vitest';
import { judge } from '../../../electron/engine/replay/report-judge';

const once = (statuses: number[], concurrent: boolean) =>
  judge('duplicate-delivery', 'd', 'accept-once', statuses, [1, 2], null, true, concurrent).verdict;

it('judges concurrent copies by how many were accepted, sequential ones by the first', () => {
  expect(once([409, 200], true)).toBe('secure');
  expect(once([200, 409], true)).toBe('secure');
  expect(once([409, 200], false)).toBe('inconclusive');
  expect(once([200, 200], true)).toBe('VULNERABLE');
});
