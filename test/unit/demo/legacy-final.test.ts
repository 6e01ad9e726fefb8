// The v0.3 `final` fix of the demo agents: only interrupted status-updates change.
import { describe, expect, it } from 'vitest';
import { finalizeInterrupted } from '../../../electron/engine/demo/legacy-final';

const frame = (result: object) => `data: ${JSON.stringify({ id: 1, jsonrpc: '2.0', result })}\n\n`;

describe('finalizeInterrupted', () => {
  it('sets final on an input-required status-update, keeping the rest', () => {
    const before = frame({
      kind: 'status-update',
      taskId: 't',
      status: { state: 'input-required' },
      final: false,
    });
    expect(finalizeInterrupted(before)).toBe(before.replace('"final":false', '"final":true'));
  });

  it.each([
    frame({ kind: 'status-update', taskId: 't', status: { state: 'working' }, final: false }),
    frame({ kind: 'status-update', taskId: 't', status: { state: 'completed' }, final: true }),
    frame({ kind: 'task', id: 't', status: { state: 'input-required' } }),
    'data: {not json\n\n',
    'event: error\ndata: {}\n\n',
  ])('leaves %j alone', (f) => expect(finalizeInterrupted(f)).toBeNull());
});
