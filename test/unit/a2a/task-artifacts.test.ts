// Artifact text of tasks/get answers in both protocol versions (v0.3 kind-tagged Task, v1.0
// bare Task and {task} wrapper), and the one-line row text built from it.
import { describe, expect, it } from 'vitest';
import { taskArtifacts, taskResultText } from '../../../shared/a2a/task-artifacts';

const artifacts = [
  { artifactId: 'a1', name: 'long_task_result', parts: [{ kind: 'text', text: 'done!' }] },
  { artifactId: 'a2', parts: [{ text: 'part ' }, { text: 'two' }] },
  { artifactId: 'a3', parts: [{ kind: 'data', data: {} }] },
];

describe('taskArtifacts', () => {
  it('reads v0.3, bare v1.0 and wrapped v1.0 tasks', () => {
    const want = [
      { name: 'long_task_result', text: 'done!' },
      { name: 'a2', text: 'part two' },
    ];
    expect(taskArtifacts({ kind: 'task', id: 't', status: {}, artifacts })).toEqual(want);
    expect(taskArtifacts({ id: 't', status: {}, artifacts })).toEqual(want);
    expect(taskArtifacts({ task: { id: 't', artifacts } })).toEqual(want);
  });
  it('is empty for anything else', () => {
    expect(taskArtifacts(null)).toEqual([]);
    expect(taskArtifacts({ id: 't', status: {} })).toEqual([]);
    expect(taskArtifacts({ artifacts: 'no' })).toEqual([]);
    expect(taskArtifacts({ artifacts: [1, null, { parts: 'x' }] })).toEqual([]);
  });
});

describe('taskResultText', () => {
  it('joins the status text and each artifact', () => {
    expect(taskResultText('Completed', { artifacts })).toBe(
      'Completed · long_task_result: done! · a2: part two',
    );
    expect(taskResultText(undefined, { artifacts: [] })).toBeUndefined();
    expect(taskResultText('only status', {})).toBe('only status');
  });
});
