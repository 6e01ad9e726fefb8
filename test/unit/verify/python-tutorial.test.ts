// Cross-checks with python3 exactly as the tutorial signs and verifies: its enterprise webhook
// (json.dumps(sort_keys=True), hmac hexdigest, PyJWT-style HS256 with float iat/exp) verifies
// with our code, and bytes we sign verify with the tutorial's receiver logic.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeaderPair } from '../../../shared/model';
import {
  extractTaskId,
  hmacSha256Hex,
  verdictOf,
  verifyCapture,
} from '../../../shared/verify/index';
import { NOW_MS, NOW_SEC, memoryContext, settingsWith, testSecret } from './verify-helpers';

const run = promisify(execFile);
const fixtures = fileURLToPath(new URL('../../fixtures/python/', import.meta.url));
const webhookSecret = testSecret('webhook');
const jwtSecret = testSecret('jwt');
const env = { ...process.env, WEBHOOK_SECRET: webhookSecret, JWT_SECRET: jwtSecret };
const settings = settingsWith({
  webhookSecret,
  jwtSecret,
  jwtIssuer: 'enterprise-a2a-agent',
  jwtAudience: 'client-webhook',
});

interface Signed {
  body_b64: string;
  signature: string;
  jwt: string;
  taskId: string;
  timestamp: string;
  jti: string;
}

async function pythonSign(extraEnv: Record<string, string> = {}): Promise<Signed> {
  const { stdout } = await run('python3', [join(fixtures, 'tutorial_signer.py')], {
    env: { ...env, NOW: String(NOW_SEC + 0.123456), ...extraEnv },
  });
  return JSON.parse(stdout) as Signed;
}

function tutorialHeaders(s: Signed): HeaderPair[] {
  return [
    ['Content-Type', 'application/json'],
    ['Authorization', `Bearer ${s.jwt}`],
    ['X-A2A-Signature', s.signature],
    ['X-A2A-Timestamp', s.timestamp],
    ['X-A2A-Task-ID', s.taskId],
    ['X-A2A-Security-Level', 'enterprise'],
  ];
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-python-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function pythonVerify(body: Uint8Array | string, signature: string, jwtArgs: string[] = []) {
  const file = join(dir, `body-${Math.random().toString(36).slice(2)}.bin`);
  await writeFile(file, body);
  try {
    await run('python3', [join(fixtures, 'tutorial_verify.py'), file, signature, ...jwtArgs], {
      env,
    });
    return 0;
  } catch (err) {
    return (err as { code?: number }).code ?? -1;
  }
}

describe('the tutorial enterprise webhook signed by python3', () => {
  it('verifies: HMAC, JWT with float iat/exp, timestamp, jti; task id from the header', async () => {
    const signed = await pythonSign();
    const body = new Uint8Array(Buffer.from(signed.body_b64, 'base64'));
    const text = Buffer.from(body).toString('latin1');
    expect(text).toContain('"preview": "\\u2705 Long-running task completed! \\u2014 na\\u00efve');
    expect(body.every((b) => b < 0x80)).toBe(true);
    const claims = JSON.parse(
      Buffer.from(signed.jwt.split('.')[1] ?? '', 'base64url').toString(),
    ) as { iat: number };
    expect(Number.isInteger(claims.iat)).toBe(false);

    const headers = tutorialHeaders(signed);
    const taskId = extractTaskId(headers, body);
    expect(taskId).toBe(signed.taskId);
    const checks = await verifyCapture(
      { method: 'POST', path: '/webhook', headers, body, receivedAt: NOW_MS + 800, taskId },
      settings,
      memoryContext(),
    );
    const byId = Object.fromEntries(checks.map((c) => [c.id, c.status]));
    expect(byId).toMatchObject({
      'hmac-sha256': 'pass',
      jwt: 'pass',
      timestamp: 'pass',
      'jti-replay': 'pass',
    });
    expect(verdictOf(checks)).toBe('valid');
  });

  it('finds the task id in the body when the header is absent', async () => {
    const signed = await pythonSign({ TASK_ID: 'task-from-body' });
    expect(extractTaskId([], new Uint8Array(Buffer.from(signed.body_b64, 'base64')))).toBe(
      'task-from-body',
    );
  });

  it('diagnoses a proxy that re-serialized the Python body as compact JSON', async () => {
    const signed = await pythonSign();
    const reserialized = JSON.stringify(
      JSON.parse(Buffer.from(signed.body_b64, 'base64').toString()),
    );
    const input = {
      method: 'POST',
      path: '/webhook',
      headers: tutorialHeaders(signed),
      body: new TextEncoder().encode(reserialized),
      receivedAt: NOW_MS,
      taskId: signed.taskId,
    };
    const checks = await verifyCapture(input, settings, memoryContext());
    const hmac = checks.find((c) => c.id === 'hmac-sha256');
    expect(hmac?.status).toBe('fail');
    expect(hmac?.detail).toContain('re-serialized as Python json.dumps(sort_keys=True)');
  });
});

describe('bytes signed by us, verified by the tutorial receiver logic in python3', () => {
  const body = '{"message": "caf\\u00e9", "taskId": "t-9"}';

  it('accepts our signature and rejects a tampered byte', async () => {
    const signature = `sha256=${await hmacSha256Hex(webhookSecret, body)}`;
    expect(await pythonVerify(body, signature)).toBe(0);
    expect(await pythonVerify(body.replace('t-9', 't-8'), signature)).toBe(1);
    expect(await pythonVerify(body, signature.slice('sha256='.length))).toBe(1);
  });

  it('accepts a JWT we sign the tutorial way, and rejects one for another task', async () => {
    const signature = `sha256=${await hmacSha256Hex(webhookSecret, body)}`;
    const now = Date.now() / 1000;
    const sign = (taskId: string) =>
      new SignJWT({ taskId, jti: testSecret('jti') })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer('enterprise-a2a-agent')
        .setAudience('client-webhook')
        .setIssuedAt(now - 1)
        .setExpirationTime(now + 300)
        .sign(new TextEncoder().encode(jwtSecret));
    expect(
      await pythonVerify(body, signature, ['--jwt', await sign('t-9'), '--task-id', 't-9']),
    ).toBe(0);
    expect(
      await pythonVerify(body, signature, ['--jwt', await sign('t-1'), '--task-id', 't-9']),
    ).toBe(1);
  });
});
