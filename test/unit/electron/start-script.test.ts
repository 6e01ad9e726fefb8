// `npm start` where no Electron binary can run (this machine): one line says why, then browser
// mode starts and prints its URL. The child server stops with the script.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitFor } from '../../helpers/wait-for';

function electronInstalled(): boolean {
  try {
    createRequire(import.meta.url)('electron');
    return true;
  } catch {
    return false;
  }
}

describe('scripts/start.mjs', () => {
  it.skipIf(electronInstalled())(
    'falls back to browser mode with one line saying why',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-start-'));
      const child = spawn(
        process.execPath,
        [
          'scripts/start.mjs',
          '--port',
          '0',
          '--receiver-port',
          '0',
          '--data-dir',
          dataDir,
          '--no-open',
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      try {
        await waitFor(() => /Switchboard UI: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.test(out), {
          timeoutMs: 60_000,
          what: 'browser mode URL',
        });
        const why = out.split('\n').filter((l) => l.includes('starting browser mode'));
        expect(why).toHaveLength(1);
        expect(why[0]).toMatch(/^Electron binary not installed \(ELECTRON_SKIP_BINARY_DOWNLOAD/);
      } finally {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
