// One data dir for every entry point: `switchboard demo` on a data dir that does not exist yet
// creates it (0700) with the generated secrets, and the engine that the desktop app and browser
// mode run opens the same dir with the very same secrets, so its receiver verifies the demo
// agents' webhooks.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { waitFor } from '../helpers/wait-for';

const root = mkdtempSync(join(tmpdir(), 'sb-shared-dir-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the shared data dir', () => {
  it('is created by `demo` when missing, and the engine reads the same secrets', async () => {
    const dataDir = join(root, 'not', 'there', 'yet');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'electron/cli/index.ts',
        'demo',
        '--long-port',
        '0',
        '--enterprise-port',
        '0',
        '--data-dir',
        dataDir,
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SWITCHBOARD_WEBHOOK_SECRET: '', SWITCHBOARD_JWT_SECRET: '' },
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    try {
      await waitFor(() => out.includes('Press Ctrl+C to stop.') || child.exitCode !== null, {
        timeoutMs: 30_000,
        what: 'demo agents started',
      });
      expect(out).not.toMatch(/ENOENT|Error/);
      expect(out).toContain(`HMAC secret from the app settings in ${dataDir} (generated)`);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const saved = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(saved['webhookSecret']).toMatch(/^[\w-]{43}$/);

    const engine = createEngine({ dataDir, receiverPort: 0, env: {} });
    try {
      const reveal = (key: 'webhookSecret' | 'jwtSecret') =>
        engine.handlers.revealSecret({ key }).then((r) => r.value);
      expect(await reveal('webhookSecret')).toBe(saved['webhookSecret']);
      expect(await reveal('jwtSecret')).toBe(saved['jwtSecret']);
      expect((await engine.handlers.getSettings({})).sources.webhookSecret).toBe('saved');
    } finally {
      await engine.stop();
    }
  }, 60_000);
});
