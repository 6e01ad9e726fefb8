// Normalization of results and webhook bodies of every dialect to one event shape.
import { describe, expect, it } from 'vitest';
import { normalizeResult, normalizeState, normalizeWebhook } from '../../../shared/a2a/normalize';

describe('normalize', () => {
  it('maps state spellings', () => {
    expect(normalizeState('TASK_STATE_INPUT_REQUIRED')).toBe('input-required');
    expect(normalizeState('cancelled')).toBe('canceled');
    expect(normalizeState('weird')).toBe('unknown');
    expect(normalizeState(undefined)).toBeUndefined();
  });
  it('reads v0.3 and v1.0 results', () => {
    expect(
      normalizeResult({
        kind: 'status-update',
        taskId: 't',
        contextId: 'c',
        status: { state: 'working', message: { parts: [{ kind: 'text', text: 'hi' }] } },
        final: false,
      }),
    ).toEqual({
      kind: 'status-update',
      shape: 'v0.3',
      taskId: 't',
      contextId: 'c',
      state: 'working',
      text: 'hi',
      final: false,
    });
    expect(
      normalizeResult({
        artifactUpdate: {
          taskId: 't',
          artifact: { artifactId: 'a', parts: [{ text: 'x' }] },
          lastChunk: true,
        },
      }),
    ).toMatchObject({
      kind: 'artifact-update',
      shape: 'v1.0',
      text: 'x',
      artifact: { id: 'a', append: false, lastChunk: true },
    });
    expect(normalizeResult({ id: 't', status: { state: 'TASK_STATE_COMPLETED' } })).toMatchObject({
      kind: 'task',
      state: 'completed',
    });
    expect(normalizeResult(42)).toEqual({ kind: 'unknown', shape: 'unknown' });
  });
  it('reads the tutorial webhook body', () => {
    expect(
      normalizeWebhook({ taskId: 't', status: 'completed', message: 'done', timestamp: 'x' }),
    ).toMatchObject({ taskId: 't', state: 'completed', text: 'done' });
  });
});
