// Cross-language check: a re-signed replay (fresh HMAC + JWT) verifies with the python3 stdlib
// verifier written the tutorial's way; attack replays (tampered byte, wrong secret, alg none)
// do not.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttackName } from '../../shared/api/replay';
import { replayCapture } from '../../electron/engine/replay/replay-one';
import {
  startJudgingServer,
  type FixtureReceiver,
  type ReceivedRequest,
} from '../fixtures/strict-receiver';
import {
  insertTutorialCapture,
  replayStore,
  targetArgs,
  type ReplayStore,
} from '../unit/replay/helpers';

const script = join(import.meta.dirname, '../fixtures/python/tutorial_verify.py');

function pyVerify(
  s: ReplayStore,
  req: ReceivedRequest,
): Promise<{ code: number | null; out: string }> {
  const header = (name: string) => {
    const i = req.rawHeaders.findIndex((n, k) => k % 2 === 0 && n.toLowerCase() === name);
    return i >= 0 ? (req.rawHeaders[i + 1] ?? '') : '';
  };
  const jwt = header('authorization').replace(/^Bearer /, '');
  const args = [
    script,
    '-',
    header('x-a2a-signature'),
    '--jwt',
    jwt,
    '--task-id',
    header('x-a2a-task-id'),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('python3', args, {
      env: {
        PATH: process.env.PATH ?? '',
        WEBHOOK_SECRET: s.settings.webhookSecret,
        JWT_SECRET: s.settings.jwtSecret,
      },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: out.trim() }));
    child.stdin.end(req.body);
  });
}

describe('re-signed replays vs the python tutorial verifier', () => {
  let s: ReplayStore;
  let target: FixtureReceiver;
  let id: number;
  beforeAll(async () => {
    s = replayStore();
    target = await startJudgingServer(() => ({ status: 200, reason: 'ok' }));
    id = (await insertTutorialCapture(s)).id;
  });
  afterAll(async () => {
    await target.close();
    s.cleanup();
  });

  it('re-signed replay verifies', async () => {
    await replayCapture(s.svc, { ...targetArgs(target.url), id, mode: 'resigned', duplicates: 3 });
    expect(await pyVerify(s, target.received.at(-1)!)).toEqual({ code: 0, out: 'ok' });
  });

  it.each<[AttackName, RegExp]>([
    ['tampered-byte', /invalid signature/],
    ['wrong-secret', /invalid signature/],
    ['alg-none', /alg 'none'/],
    ['expired-jwt', /token expired/],
    ['jwt-other-task', /taskId mismatch/],
  ])('%s is refused', async (attack, reason) => {
    await replayCapture(s.svc, {
      ...targetArgs(target.url),
      id,
      mode: 'attack',
      attack,
      duplicates: 3,
    });
    const r = await pyVerify(s, target.received.at(-1)!);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(reason);
  });
});
