// The Long-Running Task Agent driven with the tutorial's own raw requests (v0.3 message/stream,
// no version header): quick task, long task with the tutorial webhook (verified by python3's
// tutorial_verify.py and byte-identical to json.dumps), and a client that disconnects early.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoAgents } from '../../electron/engine/demo/index';
import type { DeliveryAttempt } from '../../shared/api/demo';
import { validateCard } from '../../shared/a2a/validate-card';
import { waitFor } from '../helpers/wait-for';
import {
  artifactName,
  collect,
  pythonRedumpsIdentical,
  pythonVerify,
  secret,
  startCaptureServer,
  stateOf,
  statusText,
  streamResults,
  tutorialRequest,
  type CaptureServer,
} from './demo-helpers';

const SPEED = 50;
let agents: Awaited<ReturnType<typeof startDemoAgents>>;
let hooks: CaptureServer;
const deliveries: DeliveryAttempt[] = [];
const configured = { webhookSecret: secret('hmac'), jwtSecret: secret('jwt') };

beforeAll(async () => {
  hooks = await startCaptureServer();
  agents = await startDemoAgents({
    longPort: 0,
    enterprisePort: 0,
    speed: SPEED,
    secrets: () => configured,
    onDelivery: (d) => deliveries.push(d),
  });
});

afterAll(async () => {
  await agents?.close();
  await hooks?.close();
});

describe('Long-Running Task Agent', () => {
  it('serves the v1.0 card (valid, no v0.3 fields) by default, the compat card to 0.3 clients', async () => {
    const plain = (await (
      await fetch(`${agents.long.url}.well-known/agent-card.json`)
    ).json()) as Record<string, unknown>;
    for (const f of ['url', 'protocolVersion', 'preferredTransport'])
      expect(plain).not.toHaveProperty(f);
    expect(validateCard(plain)).toMatchObject({ valid: true, cardVersion: '1.0', errors: [] });
    const legacy = (await (
      await fetch(`${agents.long.url}.well-known/agent-card.json`, {
        headers: { 'A2A-Version': '0.3' },
      })
    ).json()) as Record<string, unknown>;
    const older = (await (
      await fetch(`${agents.long.url}.well-known/agent.json`)
    ).json()) as Record<string, unknown>;
    expect(older).toEqual(legacy);
    expect(legacy).toMatchObject({
      name: 'Long-Running Task Agent',
      version: '1.0.0',
      url: agents.long.url,
      protocolVersion: '0.3',
      capabilities: { streaming: true, pushNotifications: true },
      defaultInputModes: ['text/plain'],
    });
    const v1 = await fetch(`${agents.long.url}.well-known/agent-card.json`, {
      headers: { 'A2A-Version': '1.0' },
    });
    const card = (await v1.json()) as {
      supportedInterfaces: { protocolVersion: string; protocolBinding: string; url: string }[];
    };
    expect(
      card.supportedInterfaces.map((i) => `${i.protocolBinding} ${i.protocolVersion} ${i.url}`),
    ).toEqual([
      `JSONRPC 1.0 ${agents.long.url}`,
      `JSONRPC 0.3 ${agents.long.url}`,
      `HTTP+JSON 1.0 ${agents.long.url}rest`,
      `HTTP+JSON 0.3 ${agents.long.url}rest`,
      `GRPC 1.0 ${agents.long.grpcAddress}`,
      `GRPC 0.3 ${agents.long.grpcAddress}`,
    ]);
  });

  it('quick task: events in order, quick_result artifact, completed, no webhook', async () => {
    const before = hooks.posts().length;
    const events = await collect(agents.long.url, tutorialRequest('Process this quickly'));
    expect(events.map((e) => e.kind)).toEqual([
      'task',
      'status-update',
      'status-update',
      'artifact-update',
      'status-update',
    ]);
    expect(stateOf(events[0]!)).toBe('submitted');
    expect(statusText(events[2]!)).toBe('⚡ Processing quick task...');
    expect(artifactName(events[3]!)).toBe('quick_result');
    const text = JSON.stringify(events[3]);
    expect(text).toContain("Quick task completed: 'Process this quickly'");
    expect(stateOf(events[4]!)).toBe('completed');
    expect(events[4]!['final']).toBe(true);
    expect(hooks.posts().length).toBe(before);
  });

  it('long task: 6 progress steps, long_task_result, then the webhook, then completed', async () => {
    const clientSecret = secret('client');
    const events = await collect(
      agents.long.url,
      tutorialRequest('Run a long machine learning task', {
        url: `${hooks.url}/webhook`,
        secret: clientSecret,
      }),
    );
    const taskId = events[0]!['id'] as string;
    const texts = events.map(statusText).filter(Boolean);
    // The config only exists in the raw body (params.pushNotificationConfig): this status and the
    // webhook below prove it was read although the SDK drops the field.
    expect(texts[0]).toBe('📡 Webhook configured - you can disconnect safely!');
    expect(texts.slice(2)).toEqual(
      [17, 33, 50, 67, 83, 100].map((p, i) => `⚙️ Processing step ${i + 1}/6 (${p}% complete)`),
    );
    expect(events.filter((e) => e.kind === 'artifact-update').map(artifactName)).toEqual([
      'long_task_result',
    ]);
    expect(stateOf(events.at(-1)!)).toBe('completed');

    const post = hooks.posts().find((h) => h.headers['x-a2a-task-id'] === taskId);
    expect(post).toBeDefined();
    // Sent before completed: the completed event cannot precede the webhook's arrival.
    expect(post!.headers['content-type']).toBe('application/json');
    expect(post!.headers['x-a2a-timestamp']).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(post!.headers['x-a2a-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    const body = JSON.parse(post!.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['message', 'preview', 'status', 'taskId', 'timestamp']);
    expect(body).toMatchObject({
      taskId,
      status: 'completed',
      message: 'Task completed - fetch results with tasks/get',
    });
    expect(body['preview']).toMatch(
      /^✅ Long-running task completed!\n\nInput: 'Run a long machine learning task'/,
    );
    expect(String(body['preview']).endsWith('...')).toBe(true);
    expect(post!.body).toContain('\\u2705');
    expect(pythonRedumpsIdentical(post!.body)).toBe(true);
    const signature = String(post!.headers['x-a2a-signature']);
    expect(pythonVerify(post!.body, signature, { WEBHOOK_SECRET: clientSecret })).toEqual({
      code: 0,
      output: 'ok\n',
    });
    expect(
      pythonVerify(post!.body, signature, { WEBHOOK_SECRET: configured.webhookSecret }).code,
    ).toBe(1);
  });

  it('without a client secret signs with the configured secret and forwards auth_header', async () => {
    const events = await collect(
      agents.long.url,
      tutorialRequest('Run a long report', {
        url: `${hooks.url}/hook2`,
        auth_header: 'Bearer client-token',
      }),
    );
    const taskId = events[0]!['id'] as string;
    const post = hooks.posts().find((h) => h.headers['x-a2a-task-id'] === taskId)!;
    expect(post.path).toBe('/hook2');
    expect(post.headers['authorization']).toBe('Bearer client-token');
    const check = pythonVerify(post.body, String(post.headers['x-a2a-signature']), {
      WEBHOOK_SECRET: configured.webhookSecret,
    });
    expect(check.code).toBe(0);
  });

  it('client disconnects after a few events: the task completes and the webhook arrives', async () => {
    const abort = new AbortController();
    const clientSecret = secret('client');
    const seen: string[] = [];
    let taskId = '';
    await expect(
      (async () => {
        const request = tutorialRequest('Process large dataset', {
          url: `${hooks.url}/webhook`,
          secret: clientSecret,
        });
        for await (const ev of streamResults(agents.long.url, request, { signal: abort.signal })) {
          if (ev.kind === 'task') taskId = ev['id'] as string;
          seen.push(statusText(ev));
          if (seen.some((t) => t.startsWith('⚙️ Processing step 2/6'))) abort.abort();
        }
      })(),
    ).rejects.toThrow();
    expect(seen.some((t) => t.includes('step 6/6'))).toBe(false);

    const post = await waitFor(
      () => hooks.posts().find((h) => h.headers['x-a2a-task-id'] === taskId),
      {
        what: 'webhook after disconnect',
      },
    );
    expect(
      pythonVerify(post.body, String(post.headers['x-a2a-signature']), {
        WEBHOOK_SECRET: clientSecret,
      }).code,
    ).toBe(0);
    const delivered = await waitFor(() => deliveries.find((d) => d.taskId === taskId), {
      what: 'delivery record',
    });
    expect(delivered).toMatchObject({
      outcome: 'delivered',
      attempt: 1,
      status: 200,
      dialect: 'tutorial',
      agent: 'long',
    });

    const getTask = async () => {
      const res = await fetch(agents.long.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 9,
          method: 'tasks/get',
          params: { id: taskId },
        }),
      });
      return (await res.json()) as {
        result: { status: { state: string }; artifacts: { name: string }[] };
      };
    };
    const task = await waitFor(
      async () => {
        const t = await getTask();
        return t.result.status.state === 'completed' ? t : null;
      },
      { what: 'task completed after disconnect' },
    );
    expect(task.result.artifacts.map((a) => a.name)).toEqual(['long_task_result']);
  });
  it('tasks/cancel stops a running long task: canceled, no webhook', async () => {
    const call = async (method: string, params: unknown) => {
      const res = await fetch(agents.long.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: method, method, params }),
      });
      return (await res.json()) as { result: { id: string; status: { state: string } } };
    };
    const message = {
      role: 'user',
      parts: [{ kind: 'text', text: 'long cancel me' }],
      messageId: randomUUID(),
      kind: 'message',
    };
    const started = await call('message/send', {
      message,
      configuration: { blocking: false },
      pushNotificationConfig: { url: `${hooks.url}/canceled`, secret: secret('c') },
    });
    const taskId = started.result.id;
    const canceled = await call('tasks/cancel', { id: taskId });
    expect(canceled.result.status.state).toBe('canceled');
    const later = await call('tasks/get', { id: taskId });
    expect(later.result.status.state).toBe('canceled');
    // A task started after the cancel runs to completion: by then the canceled one would have
    // sent its webhook, had it kept running.
    await collect(
      agents.long.url,
      tutorialRequest('long after cancel', { url: `${hooks.url}/after` }),
    );
    expect(hooks.posts().some((h) => h.path === '/after')).toBe(true);
    expect(hooks.posts().some((h) => h.path === '/canceled')).toBe(false);
    expect(deliveries.some((d) => d.taskId === taskId)).toBe(false);
  });
});
