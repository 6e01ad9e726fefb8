// The standard push dialects on the demo agents: v0.3 configuration.pushNotificationConfig and
// tasks/pushNotificationConfig/set, v1.0 taskPushNotificationConfig (SendStreamingMessage with
// A2A-Version: 1.0). Bodies and token header as the SDK sends them, plus our HMAC signature.
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoAgents } from '../../electron/engine/demo/index';
import type { DeliveryAttempt } from '../../shared/api/demo';
import { waitFor } from '../helpers/wait-for';
import {
  collect,
  pythonVerify,
  secret,
  startCaptureServer,
  stateOf,
  type CaptureServer,
  type Hit,
} from './demo-helpers';
import { randomUUID } from 'node:crypto';

let agents: Awaited<ReturnType<typeof startDemoAgents>>;
let hooks: CaptureServer;
const configured = { webhookSecret: secret('hmac'), jwtSecret: secret('jwt') };
const attempts: DeliveryAttempt[] = [];

beforeAll(async () => {
  hooks = await startCaptureServer();
  agents = await startDemoAgents({
    longPort: 0,
    enterprisePort: 0,
    speed: 50,
    secrets: () => configured,
    onDelivery: (a) => attempts.push(a),
  });
});

afterAll(async () => {
  await agents?.close();
  await hooks?.close();
});

const rpc = (method: string, params: unknown) => ({
  jsonrpc: '2.0',
  id: randomUUID(),
  method,
  params,
});
const v03Message = (text: string) => ({
  role: 'user',
  parts: [{ kind: 'text', text }],
  messageId: randomUUID(),
  kind: 'message',
});
const v1Message = (text: string) => ({
  role: 'ROLE_USER',
  parts: [{ text }],
  messageId: randomUUID(),
});

function postsFor(path: string, count: number): Promise<Hit[]> {
  return waitFor(
    () => {
      const list = hooks.posts().filter((h) => h.path === path);
      return list.length >= count ? list : null;
    },
    { what: `${count} posts on ${path}` },
  );
}

function expectSigned(hit: Hit, taskId: string) {
  expect(hit.headers['x-a2a-task-id']).toBe(taskId);
  expect(hit.headers['x-a2a-timestamp']).toMatch(/^\d{10}$/);
  const check = pythonVerify(hit.body, String(hit.headers['x-a2a-signature']), {
    WEBHOOK_SECRET: configured.webhookSecret,
  });
  expect(check.code).toBe(0);
}

describe('standard push configs', () => {
  it('v0.3 configuration.pushNotificationConfig: one Task body per event, token header, HMAC', async () => {
    const token = secret('tok');
    const events = await collect(
      agents.long.url,
      rpc('message/stream', {
        message: v03Message('quick please'),
        configuration: { pushNotificationConfig: { url: `${hooks.url}/v03`, token } },
      }),
    );
    const taskId = events[0]!['id'] as string;
    const posts = await postsFor('/v03', events.length);
    expect(posts).toHaveLength(events.length);
    for (const hit of posts) {
      expect(hit.headers['x-a2a-notification-token']).toBe(token);
      expect(hit.headers['content-type']).toBe('application/json');
      expect(JSON.parse(hit.body)).toMatchObject({ kind: 'task', id: taskId });
      expectSigned(hit, taskId);
    }
    const last = JSON.parse(posts.at(-1)!.body) as {
      status: { state: string };
      artifacts: { name: string }[];
    };
    expect(last.status.state).toBe('completed');
    expect(last.artifacts.map((a) => a.name)).toEqual(['quick_result']);
    expect(attempts.filter((a) => a.taskId === taskId).every((a) => a.dialect === 'v0.3')).toBe(
      true,
    );
  });

  it('v1.0 taskPushNotificationConfig: StreamResponse bodies in event order, token and auth headers', async () => {
    const token = secret('tok');
    const events = await collect(
      agents.long.url,
      rpc('SendStreamingMessage', {
        message: v1Message('quick v1'),
        configuration: {
          taskPushNotificationConfig: {
            url: `${hooks.url}/v1`,
            token,
            authentication: { scheme: 'Bearer', credentials: 'client-cred' },
          },
        },
      }),
      { 'A2A-Version': '1.0' },
    );
    const taskId = (events[0]!['task'] as { id: string }).id;
    const posts = await postsFor('/v1', events.length);
    const kinds = posts.map((p) => Object.keys(JSON.parse(p.body) as object));
    expect(kinds).toEqual(events.map((e) => Object.keys(e)));
    expect(kinds[0]).toEqual(['task']);
    const final = JSON.parse(posts.at(-1)!.body) as { statusUpdate: { status: { state: string } } };
    expect(final.statusUpdate.status.state).toBe('TASK_STATE_COMPLETED');
    for (const hit of posts) {
      expect(hit.headers['content-type']).toBe('application/a2a+json');
      expect(hit.headers['x-a2a-notification-token']).toBe(token);
      expect(hit.headers['authorization']).toBe('Bearer client-cred');
      expectSigned(hit, taskId);
    }
    expect(attempts.filter((a) => a.taskId === taskId).every((a) => a.dialect === 'v1.0')).toBe(
      true,
    );
  });

  it('v0.3 tasks/pushNotificationConfig/set on a running task gets its later events', async () => {
    const token = secret('tok');
    const sent = await fetch(agents.long.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(
        rpc('message/send', {
          message: v03Message('long job'),
          configuration: { blocking: false },
        }),
      ),
    });
    const task = ((await sent.json()) as { result: { id: string } }).result;
    const set = await fetch(agents.long.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(
        rpc('tasks/pushNotificationConfig/set', {
          taskId: task.id,
          pushNotificationConfig: { url: `${hooks.url}/set`, token },
        }),
      ),
    });
    expect(((await set.json()) as { result?: unknown }).result).toBeDefined();
    const done = await waitFor(() =>
      hooks
        .posts()
        .filter((h) => h.path === '/set')
        .find(
          (h) => (JSON.parse(h.body) as { status: { state: string } }).status.state === 'completed',
        ),
    );
    expect(done.headers['x-a2a-notification-token']).toBe(token);
    expectSigned(done, task.id);
  });

  it('v1.0 CreateTaskPushNotificationConfig on a running task gets its later events', async () => {
    const token = secret('tok');
    const post = async (body: unknown) => {
      const res = await fetch(agents.long.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'A2A-Version': '1.0' },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { result?: { task?: { id: string } }; error?: unknown };
    };
    const sent = await post(
      rpc('SendMessage', {
        message: v1Message('long v1 job'),
        configuration: { returnImmediately: true },
      }),
    );
    const taskId = sent.result!.task!.id;
    const created = await post(
      rpc('CreateTaskPushNotificationConfig', { taskId, url: `${hooks.url}/create`, token }),
    );
    expect(created.error).toBeUndefined();
    const done = await waitFor(() =>
      hooks
        .posts()
        .filter((h) => h.path === '/create')
        .find((h) => h.body.includes('TASK_STATE_COMPLETED')),
    );
    expect(done.headers['content-type']).toBe('application/a2a+json');
    expect(done.headers['x-a2a-notification-token']).toBe(token);
    expectSigned(done, taskId);
  });

  it('enterprise agent adds its JWT and security level to standard pushes', async () => {
    const events = await collect(
      agents.enterprise.url,
      rpc('message/stream', {
        message: v03Message('plain task'),
        configuration: { pushNotificationConfig: { url: `${hooks.url}/ent`, token: 't' } },
      }),
    );
    expect(stateOf(events.at(-1)!)).toBe('completed');
    const taskId = events[0]!['id'] as string;
    const [hit] = await postsFor('/ent', 1);
    expect(hit!.headers['x-a2a-security-level']).toBe('enterprise');
    const token = String(hit!.headers['authorization']).replace(/^Bearer /, '');
    const { payload } = await jwtVerify(token, new TextEncoder().encode(configured.jwtSecret), {
      issuer: 'enterprise-a2a-agent',
      audience: 'client-webhook',
    });
    expect(payload['taskId']).toBe(taskId);
  });
});
