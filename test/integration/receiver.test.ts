// The receiver end to end through the engine: exact capture, verification, challenge, limits,
// enforce mode, filters and restart on the same data dir.
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { postAndSettle, startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { tutorialWebhook } from '../helpers/tutorial-webhook';

let t: TestEngine;
afterEach(async () => t?.cleanup());

const secrets = (t: TestEngine) => ({
  webhookSecret: t.env['SWITCHBOARD_WEBHOOK_SECRET']!,
  jwtSecret: t.env['SWITCHBOARD_JWT_SECRET']!,
});

describe('receiver', () => {
  it('captures a signed enterprise webhook byte-exact, in header order, and verifies it', async () => {
    t = await startTestEngine();
    const hook = await tutorialWebhook(secrets(t));
    const res = (await postAndSettle(t, `/webhook?x=1`, { headers: hook.headers, body: hook.body }))
      .res;
    expect(res.status).toBe(200);
    const ack = (await res.json()) as { status: string; taskId: string; captureId: number };
    expect(ack).toMatchObject({ status: 'received', taskId: hook.taskId });

    const detail = await t.engine.handlers.getCapture({ id: ack.captureId });
    expect(detail).toMatchObject({
      method: 'POST',
      path: '/webhook',
      query: 'x=1',
      taskId: hook.taskId,
      verdict: 'valid',
      responseStatus: 200,
    });
    const names = detail.headers.map(([n]) => n);
    expect(names.indexOf('X-A2A-Signature')).toBeLessThan(names.indexOf('X-A2A-Task-ID'));
    const body = await t.engine.handlers.getCaptureBody({ id: ack.captureId });
    expect(Buffer.from(body).toString('utf8')).toBe(hook.body);
    const byId = Object.fromEntries(detail.checks.map((c) => [c.id, c.status]));
    expect(byId).toMatchObject({
      'hmac-sha256': 'pass',
      jwt: 'pass',
      timestamp: 'pass',
      'jti-replay': 'pass',
    });
  });

  it('explains a wrong signature and still stores the request', async () => {
    t = await startTestEngine();
    const hook = await tutorialWebhook({ webhookSecret: 'not-the-configured-secret' });
    const res = (await postAndSettle(t, `/webhook`, { headers: hook.headers, body: hook.body }))
      .res;
    expect(res.status).toBe(200); // observe mode: tell the user, not the agent
    const { captureId } = (await res.json()) as { captureId: number };
    const detail = await t.engine.handlers.getCapture({ id: captureId });
    expect(detail.verdict).toBe('invalid');
    const hmac = detail.checks.find((c) => c.id === 'hmac-sha256')!;
    expect(hmac.status).toBe('fail');
    expect(hmac.detail.length).toBeGreaterThan(20);
    expect(hmac.diagnosis?.['received']).toContain(hook.headers['X-A2A-Signature']!.slice(7));
  });

  it('stores malformed JSON as data', async () => {
    t = await startTestEngine();
    const res = await fetch(`${t.receiverUrl}/hooks/a`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"taskId": "abc", broken',
    });
    expect(res.status).toBe(200);
    const page = await t.engine.handlers.listCaptures({ limit: 10 });
    expect(page.items[0]).toMatchObject({
      method: 'PUT',
      path: '/hooks/a',
      verdict: 'unverified',
      size: 24,
    });
  });

  it('refuses oversized bodies with 413 JSON and records the attempt', async () => {
    t = await startTestEngine();
    await t.engine.handlers.updateSettings({ patch: { bodyLimitBytes: 2048 }, reverify: false });
    const res = await fetch(`${t.receiverUrl}/webhook`, { method: 'POST', body: 'x'.repeat(5000) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('payload_too_large');
    const audit = await t.engine.handlers.listAudit({ limit: 10 });
    expect(audit.items[0]).toMatchObject({ kind: 'rejected', status: 413, path: '/webhook' });
    expect((await t.engine.handlers.countCaptures({})).count).toBe(0);
  });

  it('answers the tutorial endpoint challenge and the health document', async () => {
    t = await startTestEngine();
    const res = await fetch(`${t.receiverUrl}/webhook/validate?challenge=abc-123`);
    expect(await res.json()).toEqual({ challenge: 'abc-123', status: 'validated' });
    const audit = await t.engine.handlers.listAudit({ limit: 5 });
    expect(audit.items[0]).toMatchObject({ kind: 'challenge', path: '/webhook/validate' });
    const health = (await (await fetch(t.receiverUrl + '/')).json()) as { status: string };
    expect(health.status).toBe('ready');
  });

  it('in enforce mode answers 400 for missing headers and 401 for failed checks', async () => {
    t = await startTestEngine();
    await t.engine.handlers.updateSettings({ patch: { responseMode: 'enforce' }, reverify: false });
    const good = await tutorialWebhook(secrets(t));
    expect(
      (await postAndSettle(t, `/webhook`, { headers: good.headers, body: good.body })).res.status,
    ).toBe(200);
    const noTask = { ...good.headers };
    delete noTask['X-A2A-Task-ID'];
    const r400 = (await postAndSettle(t, `/webhook`, { headers: noTask, body: good.body })).res;
    expect(r400.status).toBe(400);
    expect(((await r400.json()) as { message: string }).message).toContain('X-A2A-Task-ID');
    const bad = await tutorialWebhook({ webhookSecret: 'wrong' });
    expect(
      (await postAndSettle(t, `/webhook`, { headers: bad.headers, body: bad.body })).res.status,
    ).toBe(401);
    expect((await t.engine.handlers.countCaptures({})).count).toBe(3);
  });

  it('stores each capture once with its verdict; one jti sent twice at once is one replay', async () => {
    t = await startTestEngine();
    await t.engine.handlers.updateSettings({ patch: { responseMode: 'enforce' }, reverify: false });
    const hook = await tutorialWebhook(secrets(t));
    // Both requests are verified before either write: the jti is settled inside the writes.
    const [a, b] = await Promise.all(
      [0, 1].map(() => postAndSettle(t, `/webhook`, { headers: hook.headers, body: hook.body })),
    );
    expect([a!.res.status, b!.res.status].sort()).toEqual([200, 401]);
    const replay = [a!, b!].find((r) => r.res.status === 401)!;
    const first = [a!, b!].find((r) => r.res.status === 200)!;
    const detail = await t.engine.handlers.getCapture({ id: replay.captureId });
    expect(detail).toMatchObject({ verdict: 'invalid', responseStatus: 401 });
    expect(detail.checks.find((c) => c.id === 'jti-replay')?.detail).toContain(
      `already used by capture #${first.captureId}`,
    );
  });

  it('verifies on a worker thread when the engine runs a verify pool, with the same verdicts', async () => {
    t = await startTestEngine({ verifyWorkers: 1 });
    const good = await tutorialWebhook(secrets(t));
    const bad = await tutorialWebhook({ webhookSecret: 'wrong', jwtSecret: secrets(t).jwtSecret });
    const ok = await postAndSettle(t, `/webhook`, { headers: good.headers, body: good.body });
    const ko = await postAndSettle(t, `/webhook`, { headers: bad.headers, body: bad.body });
    const okDetail = await t.engine.handlers.getCapture({ id: ok.captureId });
    const koDetail = await t.engine.handlers.getCapture({ id: ko.captureId });
    expect(okDetail.verdict).toBe('valid');
    expect(koDetail.verdict).toBe('invalid');
    expect(koDetail.checks.find((c) => c.id === 'hmac-sha256')?.status).toBe('fail');
    expect(koDetail.checks.find((c) => c.id === 'jwt')?.status).toBe('pass');
  });

  it('lists newest first with cursor pagination and filters', async () => {
    t = await startTestEngine();
    for (let i = 0; i < 5; i++) {
      const hook = await tutorialWebhook({ ...secrets(t), taskId: `task-${i}` });
      await postAndSettle(t, `/p${i % 2}`, { headers: hook.headers, body: hook.body });
    }
    const bad = await tutorialWebhook({ webhookSecret: 'wrong', taskId: 'task-bad' });
    await postAndSettle(t, `/p0`, { headers: bad.headers, body: bad.body });
    const first = await t.engine.handlers.listCaptures({ limit: 4 });
    expect(first.items.map((c) => c.taskId)).toEqual(['task-bad', 'task-4', 'task-3', 'task-2']);
    const second = await t.engine.handlers.listCaptures({ limit: 4, cursor: first.nextCursor! });
    expect(second.items.map((c) => c.taskId)).toEqual(['task-1', 'task-0']);
    expect(second.nextCursor).toBeNull();
    expect(
      (await t.engine.handlers.listCaptures({ limit: 10, verdict: 'invalid' })).items,
    ).toHaveLength(1);
    expect(
      (await t.engine.handlers.listCaptures({ limit: 10, taskId: 'task-3' })).items,
    ).toHaveLength(1);
    expect((await t.engine.handlers.listCaptures({ limit: 10, path: '/p1' })).items).toHaveLength(
      2,
    );
    expect((await t.engine.handlers.listCaptures({ limit: 10, q: 'TASK-4' })).items).toHaveLength(
      1,
    );
  });

  it('re-verifies after a secret change and keeps captures across a restart', async () => {
    t = await startTestEngine();
    const hook = await tutorialWebhook({ webhookSecret: 'later-secret-value' });
    await postAndSettle(t, `/webhook`, { headers: hook.headers, body: hook.body });
    expect((await t.engine.handlers.listCaptures({ limit: 1 })).items[0]!.verdict).toBe('invalid');
    // env wins over saved settings, so restart without env to let the saved secret apply
    await t.stop();
    const engine = createEngine({ dataDir: t.dataDir, receiverPort: 0, env: {} });
    await engine.start();
    try {
      await engine.handlers.updateSettings({
        patch: { webhookSecret: 'later-secret-value' },
        reverify: true,
      });
      const page = await engine.handlers.listCaptures({ limit: 5 });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]!.verdict).toBe('valid');
    } finally {
      await engine.stop();
    }
  });

  it('reports a busy port with the flag to change it', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    t = await startTestEngine({ portFromSettings: true });
    await t.engine.handlers.updateSettings({ patch: { receiverPort: port }, reverify: false });
    const { waitFor } = await import('../helpers/wait-for');
    const info = await waitFor(async () => {
      const i = await t.engine.handlers.receiverInfo({});
      return i.error ? i : null;
    });
    expect(info.listening).toBe(false);
    expect(info.error).toContain('--receiver-port');
    blocker.close();
  });
});

describe('receiver with malformed HTTP', () => {
  it('answers 400 to a broken header line and records it', async () => {
    t = await startTestEngine();
    const { connect } = await import('node:net');
    const port = Number(new URL(t.receiverUrl).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('POST /webhook HTTP/1.1\r\nHost: x\r\nBad Header Without Colon\r\n\r\n');
      });
      let data = '';
      socket.on('data', (d) => (data += d.toString()));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    const audit = await t.engine.handlers.listAudit({ limit: 5 });
    expect(audit.items[0]).toMatchObject({ kind: 'rejected', status: 400 });
    expect(audit.items[0]!.reason).toContain('malformed HTTP request');
  });
});
