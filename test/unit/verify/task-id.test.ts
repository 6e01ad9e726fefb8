// extractTaskId and headerValue: header first, then every body dialect; malformed JSON is data.
import { describe, expect, it } from 'vitest';
import { extractTaskId, headerValue, parseAuthorization } from '../../../shared/verify/index';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('extractTaskId', () => {
  it('prefers the X-A2A-Task-ID header, case-insensitively', () => {
    expect(extractTaskId([['x-a2a-task-id', 'from-header']], bytes('{"taskId":"from-body"}'))).toBe(
      'from-header',
    );
  });

  it.each([
    ['tutorial payload', { taskId: 't-tutorial', status: 'completed' }, 't-tutorial'],
    ['v0.3 Task', { kind: 'task', id: 't-task', contextId: 'c' }, 't-task'],
    ['v0.3 status-update', { kind: 'status-update', taskId: 't-status', final: true }, 't-status'],
    ['v0.3 artifact-update', { kind: 'artifact-update', taskId: 't-art' }, 't-art'],
    ['v1.0 task', { task: { id: 't-v1' } }, 't-v1'],
    ['v1.0 statusUpdate', { statusUpdate: { taskId: 't-v1s' } }, 't-v1s'],
    ['v1.0 artifactUpdate', { artifactUpdate: { taskId: 't-v1a' } }, 't-v1a'],
    ['v1.0 message', { message: { messageId: 'm', taskId: 't-v1m' } }, 't-v1m'],
    [
      'JSON-RPC envelope',
      { jsonrpc: '2.0', id: 1, result: { kind: 'task', id: 't-rpc' } },
      't-rpc',
    ],
    ['a message without task', { kind: 'message', messageId: 'm' }, null],
    ['a Task-like object without kind', { id: 'not-a-task' }, null],
    ['an empty taskId', { taskId: '' }, null],
    ['a numeric taskId', { taskId: 5 }, null],
  ])('reads the %s body', (_name, body, expected) => {
    expect(extractTaskId([], bytes(JSON.stringify(body)))).toBe(expected);
  });

  it('falls back to the header only for malformed or non-object bodies', () => {
    expect(extractTaskId([], bytes('{"taskId": '))).toBeNull();
    expect(extractTaskId([], bytes('[{"taskId":"x"}]'))).toBeNull();
    expect(extractTaskId([], new Uint8Array([0xff, 0xfe]))).toBeNull();
    expect(extractTaskId([['X-A2A-Task-ID', 'h']], bytes('not json'))).toBe('h');
  });
});

describe('headerValue and parseAuthorization', () => {
  it('matches names case-insensitively and returns the first occurrence', () => {
    const headers: [string, string][] = [
      ['X-One', 'a'],
      ['x-one', 'b'],
    ];
    expect(headerValue(headers, 'X-ONE')).toBe('a');
    expect(headerValue(headers, 'missing')).toBeUndefined();
    expect(headerValue(headers, 'X-Two')).toBeUndefined();
    // A name that lower-cases to an ASCII name matches it, as String#toLowerCase says.
    expect(headerValue([['\u212Aey', 'kelvin']], 'key')).toBe('kelvin');
  });

  it('splits scheme and credentials', () => {
    expect(parseAuthorization([['Authorization', '  Bearer   abc  ']])).toEqual({
      scheme: 'Bearer',
      credentials: 'abc',
    });
    expect(parseAuthorization([['Authorization', 'opaque']])).toEqual({
      scheme: '',
      credentials: 'opaque',
    });
    expect(parseAuthorization([])).toBeUndefined();
  });
});
