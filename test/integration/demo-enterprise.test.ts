// The Enterprise Security Agent driven with the tutorial's raw requests: secure (endpoint
// challenge answered before anything is sent, JWT verified with jose and python3, HMAC, security
// level), file (5 artifacts, artifact_count 5), batch, standard (no webhook).
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoAgents } from '../../electron/engine/demo/index';
import {
  artifactName,
  closedUrl,
  collect,
  pythonRedumpsIdentical,
  pythonVerify,
  secret,
  startCaptureServer,
  stateOf,
  statusText,
  tutorialRequest,
  type CaptureServer,
  type Hit,
} from './demo-helpers';

let agents: Awaited<ReturnType<typeof startDemoAgents>>;
let hooks: CaptureServer;
const configured = { webhookSecret: secret('hmac'), jwtSecret: secret('jwt') };

beforeAll(async () => {
  hooks = await startCaptureServer();
  agents = await startDemoAgents({
    longPort: 0,
    enterprisePort: 0,
    speed: 50,
    secrets: () => configured,
  });
});

afterAll(async () => {
  await agents?.close();
  await hooks?.close();
});

async function run(text: string, path = '/webhook') {
  const clientSecret = secret('enterprise-client');
  const events = await collect(
    agents.enterprise.url,
    tutorialRequest(text, { url: `${hooks.url}${path}`, secret: clientSecret }),
  );
  const taskId = events[0]!['id'] as string;
  return {
    events,
    taskId,
    clientSecret,
    post: () => hooks.posts().find((h) => h.headers['x-a2a-task-id'] === taskId),
  };
}

async function checkEnterpriseWebhook(post: Hit, taskId: string, clientSecret: string) {
  expect(post.headers['x-a2a-security-level']).toBe('enterprise');
  expect(post.headers['content-type']).toBe('application/json');
  const auth = String(post.headers['authorization']);
  expect(auth.startsWith('Bearer ')).toBe(true);
  const token = auth.slice(7);
  expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
  const { payload } = await jwtVerify(token, new TextEncoder().encode(configured.jwtSecret), {
    issuer: 'enterprise-a2a-agent',
    audience: 'client-webhook',
    algorithms: ['HS256'],
  });
  expect(payload['taskId']).toBe(taskId);
  expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  expect(payload.exp! - payload.iat!).toBeCloseTo(300, 3);
  expect(Math.abs(payload.iat! - Date.now() / 1000)).toBeLessThan(60);
  const signature = String(post.headers['x-a2a-signature']);
  const py = pythonVerify(
    post.body,
    signature,
    { WEBHOOK_SECRET: clientSecret, JWT_SECRET: configured.jwtSecret },
    { token, taskId },
  );
  expect(py).toEqual({ code: 0, output: 'ok\n' });
  expect(pythonRedumpsIdentical(post.body)).toBe(true);
  const body = JSON.parse(post.body) as Record<string, unknown>;
  expect(Object.keys(body)).toEqual([
    'message',
    'metadata',
    'preview',
    'status',
    'taskId',
    'timestamp',
  ]);
  expect(body).toMatchObject({
    taskId,
    status: 'completed',
    message: 'Enterprise task completed - fetch results with tasks/get',
  });
  return body;
}

describe('Enterprise Security Agent', () => {
  it('announces version 2.0.0', async () => {
    const card = (await (
      await fetch(`${agents.enterprise.url}.well-known/agent-card.json`)
    ).json()) as Record<string, unknown>;
    expect(card).toMatchObject({
      name: 'Enterprise Security Agent',
      version: '2.0.0',
      capabilities: { pushNotifications: true },
    });
  });

  it('secure: challenge answered first, 5 steps, JWT + HMAC webhook with security_level', async () => {
    const { events, taskId, clientSecret, post } = await run(
      'Run secure data processing',
      '/secure-hook',
    );
    const texts = events.map(statusText).filter(Boolean);
    expect(texts.slice(0, 2)).toEqual([
      '🔒 Initializing secure task with enterprise security...',
      '✅ Webhook security validated - proceeding with secure task',
    ]);
    expect(texts.slice(2)).toEqual(
      [1, 2, 3, 4, 5].map((i) => `🔐 Secure processing step ${i}/5...`),
    );
    expect(events.filter((e) => e.kind === 'artifact-update').map(artifactName)).toEqual([
      'secure_task_result',
    ]);
    expect(stateOf(events.at(-1)!)).toBe('completed');

    const hits = hooks.hits.filter((h) => h.path.startsWith('/secure-hook'));
    expect(hits.map((h) => `${h.method} ${h.path}`)).toEqual([
      'GET /secure-hook/validate',
      'POST /secure-hook',
    ]);
    expect(hits[0]!.query).toMatch(/^\?challenge=[0-9a-f-]{36}$/);
    const body = await checkEnterpriseWebhook(post()!, taskId, clientSecret);
    expect(body['metadata']).toEqual({ security_level: 'enterprise' });
    expect(String(body['preview'])).toMatch(
      /^🔒 SECURE TASK COMPLETED\n\nInput: 'Run secure data processing'/,
    );
    expect(post()!.body).toContain('\\ud83d\\udd12');
  });

  it('secure: a failed challenge is reported and the task still runs (tutorial development mode)', async () => {
    const events = await collect(
      agents.enterprise.url,
      tutorialRequest('secure job', { url: await closedUrl('/nowhere'), secret: secret('s') }),
    );
    const texts = events.map(statusText);
    expect(texts.some((t) => t.startsWith('⚠️ Webhook endpoint validation failed'))).toBe(true);
    expect(stateOf(events.at(-1)!)).toBe('completed');
  });

  it('file: one artifact per file plus processing_summary, artifact_count 5', async () => {
    const { events, taskId, clientSecret, post } = await run('Process my files');
    expect(events.filter((e) => e.kind === 'artifact-update').map(artifactName)).toEqual([
      'processed_customer_data_csv',
      'processed_financial_report_pdf',
      'processed_ml_model_pkl',
      'processed_audit_log_json',
      'processing_summary',
    ]);
    expect(JSON.stringify(events)).toContain('Checksum: sha256-');
    const body = await checkEnterpriseWebhook(post()!, taskId, clientSecret);
    expect(body['metadata']).toEqual({ artifact_count: 5 });
  });

  it('batch: 5 batches of 2 with progress, then the webhook', async () => {
    const { events, taskId, clientSecret, post } = await run('Run batch processing job');
    const batches = events.map(statusText).filter((t) => t.startsWith('📦'));
    expect(batches).toEqual([
      '📦 Processing batch: items [1, 2] (2/10)',
      '📦 Processing batch: items [3, 4] (4/10)',
      '📦 Processing batch: items [5, 6] (6/10)',
      '📦 Processing batch: items [7, 8] (8/10)',
      '📦 Processing batch: items [9, 10] (10/10)',
    ]);
    const body = await checkEnterpriseWebhook(post()!, taskId, clientSecret);
    expect(body['metadata']).toEqual({ batch_size: 2, total_items: 10 });
    expect(String(body['preview'])).toContain('Batches Completed: 5');
  });

  it('standard: a 2 s task with standard_result and no webhook', async () => {
    const { events, post } = await run('hello there');
    expect(events.filter((e) => e.kind === 'artifact-update').map(artifactName)).toEqual([
      'standard_result',
    ]);
    expect(stateOf(events.at(-1)!)).toBe('completed');
    expect(post()).toBeUndefined();
  });
});
