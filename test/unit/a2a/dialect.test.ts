// Request shapes per protocol version and push dialect (checked against @a2a-js/sdk 1.3).
import { describe, expect, it } from 'vitest';
import {
  composeMessage,
  pushCalls,
  pushConfigsOf,
  taskCalls,
} from '../../../electron/engine/a2a/dialect';
import { toCurl } from '../../../electron/engine/a2a/wire-view';

const push = (dialect: 'tutorial' | 'v0.3' | 'v1.0') => ({
  dialect,
  url: 'http://127.0.0.1:9/webhook',
  token: 'tok',
  secret: 'sec',
});

describe('dialect', () => {
  it('composes v0.3 and v1.0 messages', () => {
    const a = composeMessage('0.3', { text: 'hi', stream: true, push: null, contextId: 'c' });
    expect(a.method).toBe('message/stream');
    expect(a.params['message']).toMatchObject({
      kind: 'message',
      role: 'user',
      parts: [{ kind: 'text', text: 'hi' }],
      contextId: 'c',
    });
    const b = composeMessage('1.0', { text: 'hi', stream: false, push: null, taskId: 't' });
    expect(b.method).toBe('SendMessage');
    expect(b.params).toMatchObject({
      message: { role: 'ROLE_USER', parts: [{ text: 'hi' }], taskId: 't' },
      configuration: { returnImmediately: true },
    });
  });
  it('places push config per dialect', () => {
    expect(
      composeMessage('0.3', { text: 'x', stream: true, push: push('tutorial') }).params[
        'pushNotificationConfig'
      ],
    ).toEqual({ url: 'http://127.0.0.1:9/webhook', secret: 'sec' });
    expect(
      composeMessage('0.3', { text: 'x', stream: true, push: push('v0.3') }).params[
        'configuration'
      ],
    ).toEqual({ pushNotificationConfig: { url: 'http://127.0.0.1:9/webhook', token: 'tok' } });
    expect(
      composeMessage('1.0', { text: 'x', stream: true, push: push('v1.0') }).params[
        'configuration'
      ],
    ).toEqual({ taskPushNotificationConfig: { url: 'http://127.0.0.1:9/webhook', token: 'tok' } });
  });
  it('adds authentication in each dialect: v1.0 one scheme, v0.3 a list of schemes', () => {
    const withAuth = (d: 'v0.3' | 'v1.0') => ({
      ...push(d),
      authentication: { scheme: 'Bearer' as const, credentials: 'cred' },
    });
    const v1 = composeMessage('1.0', { text: 'x', stream: true, push: withAuth('v1.0') });
    expect(v1.params['configuration']).toMatchObject({
      taskPushNotificationConfig: {
        token: 'tok',
        authentication: { scheme: 'Bearer', credentials: 'cred' },
      },
    });
    const v03 = composeMessage('0.3', { text: 'x', stream: true, push: withAuth('v0.3') });
    expect(v03.params['configuration']).toMatchObject({
      pushNotificationConfig: {
        token: 'tok',
        authentication: { schemes: ['Bearer'], credentials: 'cred' },
      },
    });
  });
  it('names task and push-config methods', () => {
    expect([
      taskCalls.subscribe('0.3', 't').method,
      taskCalls.subscribe('1.0', 't').method,
    ]).toEqual(['tasks/resubscribe', 'SubscribeToTask']);
    expect(pushCalls.list('1.0', 't')).toEqual({
      method: 'ListTaskPushNotificationConfigs',
      params: { taskId: 't' },
    });
    expect(pushCalls.delete('0.3', 't', 'p')).toEqual({
      method: 'tasks/pushNotificationConfig/delete',
      params: { id: 't', pushNotificationConfigId: 'p' },
    });
    expect(pushConfigsOf({ configs: [1] })).toEqual([1]);
    expect(pushConfigsOf([2])).toEqual([2]);
  });
  it('copies an exchange as curl with shell quoting', () => {
    const curl = toCurl({
      method: 'POST',
      url: 'http://h/rpc',
      streamKind: 'send',
      requestHeaders: [['A2A-Version', '1.0']],
      requestBody: `{"t":"it's"}`,
    });
    expect(curl).toBe(
      `curl -sS -N --http1.1 -X 'POST' 'http://h/rpc' -H 'A2A-Version: 1.0' -H 'User-Agent:' -H 'Accept:' -H 'Content-Type:' -H 'Expect:' --data-binary '{"t":"it'\\''s"}'`,
    );
    // HTTP+JSON: a GET with no body, path and query kept.
    expect(
      toCurl({
        method: 'GET',
        url: 'http://h/rest/tasks?contextId=c%201',
        streamKind: null,
        requestHeaders: [['Accept', 'application/json']],
        requestBody: '',
      }),
    ).toBe(
      `curl -sS --http1.1 -X 'GET' 'http://h/rest/tasks?contextId=c%201' -H 'Accept: application/json' -H 'User-Agent:' -H 'Content-Type:' -H 'Expect:'`,
    );
  });
});
