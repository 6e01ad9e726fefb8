// The conformance linter as a pure function: one case per rule, and clean streams of both
// protocol versions produce no finding.
import { describe, expect, it } from 'vitest';
import { lintStream, type LintInput } from '../../../shared/a2a/lint';
import { lintWebhooks } from '../../../shared/a2a/lint-webhooks';

const env = (result: unknown) => JSON.stringify({ jsonrpc: '2.0', id: 1, result });
const v03 = {
  task: (state = 'working', id = 't1') =>
    env({ kind: 'task', id, contextId: 'c1', status: { state } }),
  status: (state: string, final = false, id = 't1', ctx = 'c1') =>
    env({ kind: 'status-update', taskId: id, contextId: ctx, status: { state }, final }),
  artifact: (append: boolean, lastChunk: boolean) =>
    env({
      kind: 'artifact-update',
      taskId: 't1',
      contextId: 'c1',
      artifact: { artifactId: 'a', parts: [] },
      append,
      lastChunk,
    }),
};
const v1 = {
  task: (state = 'TASK_STATE_WORKING') =>
    env({ task: { id: 't1', contextId: 'c1', status: { state } } }),
  status: (state: string) =>
    env({ statusUpdate: { taskId: 't1', contextId: 'c1', status: { state } } }),
};

function lint(data: string[], over: Partial<LintInput> = {}): string[] {
  return lintStream({
    version: '0.3',
    method: 'send',
    contentType: 'text/event-stream',
    frames: data.map((d, i) => ({ id: i + 1, data: d })),
    ended: 'complete',
    ...over,
  }).map((f) => f.rule);
}

describe('lintStream', () => {
  it('passes clean v0.3 and v1.0 streams', () => {
    expect(
      lint([
        v03.task(),
        v03.status('working'),
        v03.artifact(false, true),
        v03.status('completed', true),
      ]),
    ).toEqual([]);
    expect(lint([v1.task(), v1.status('TASK_STATE_COMPLETED')], { version: '1.0' })).toEqual([]);
    expect(
      lint([v1.task()], { version: '1.0', method: 'subscribe', ended: 'disconnected' }),
    ).toEqual([]);
  });
  it('flags each rule', () => {
    expect(lint([v03.task()], { contentType: 'application/json' })).toContain('wrong-content-type');
    expect(lint(['{nope', v03.status('completed', true)])).toContain('invalid-json');
    expect(lint(['{"hello":1}'])).toContain('not-jsonrpc');
    expect(
      lint([JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'x' } })]),
    ).toContain('error-frame');
    expect(lint([v03.task(), v03.status('completed', true), v03.status('working')])).toContain(
      'event-after-terminal',
    );
    expect(lint([v03.task(), v03.status('working')])).toContain('missing-final');
    expect(lint([v03.task(), v03.status('working')], { ended: 'disconnected' })).toEqual([]);
    expect(lint([v1.task()], { version: '1.0' })).toContain('missing-terminal');
    expect(
      lint([v1.status('TASK_STATE_WORKING')], {
        version: '1.0',
        method: 'subscribe',
        ended: 'open',
      }),
    ).toContain('subscribe-not-task-first');
    expect(
      lint([v03.task(), v03.status('working', false, 't2', 'c2'), v03.status('completed', true)]),
    ).toEqual(['task-id-mismatch', 'context-id-mismatch']);
    expect(lint([v03.task(), v03.artifact(true, false), v03.status('completed', true)])).toEqual([
      'artifact-append-unknown',
    ]);
    expect(
      lint([
        v03.task(),
        v03.artifact(false, true),
        v03.artifact(true, true),
        v03.status('completed', true),
      ]),
    ).toEqual(['artifact-after-last-chunk']);
    expect(lint([v03.task(), v03.status('completed', true)], { version: '1.0' })).toContain(
      'wrong-shape',
    );
    expect(lint([v03.task(), v03.status('working', true)])).toContain('final-on-nonterminal');
    expect(lint([v03.task(), v03.status('completed', true)], { truncatedTail: true })).toEqual([
      'truncated-frame',
    ]);
  });
  it('points findings at frames', () => {
    const f = lintStream({
      version: '0.3',
      method: 'send',
      contentType: 'text/event-stream',
      ended: 'complete',
      frames: [
        { id: 41, data: v03.task() },
        { id: 42, data: '{' },
        { id: 43, data: v03.status('completed', true) },
      ],
    });
    expect(f).toEqual([
      expect.objectContaining({ rule: 'invalid-json', frameId: 42, severity: 'error' }),
    ]);
  });
});

describe('lintWebhooks', () => {
  const stream = [
    { state: 'working' as const, frameId: 1 },
    { state: 'completed' as const, frameId: 2 },
  ];
  it('accepts webhooks matching the stream, ignores them before the stream ends', () => {
    expect(
      lintWebhooks(stream, [
        { captureId: 1, state: 'completed' },
        { captureId: 2, state: 'working' },
      ]),
    ).toEqual([]);
    expect(lintWebhooks(stream.slice(0, 1), [{ captureId: 3, state: 'failed' }])).toEqual([]);
  });
  it('flags a different terminal state or an unseen state', () => {
    const f = lintWebhooks(stream, [
      { captureId: 7, state: 'failed' },
      { captureId: 8, state: 'input-required' },
    ]);
    expect(f.map((x) => [x.rule, x.captureId, x.frameId])).toEqual([
      ['webhook-state-disagrees', 7, 2],
      ['webhook-state-disagrees', 8, 2],
    ]);
  });
});
