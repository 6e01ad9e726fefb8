// `npm start` where no Electron binary can be had (this machine: its download fails): one line
// says why, then browser mode starts and prints its URL; `--browser` asks for browser mode
// anywhere. The child server stops with the script.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectron } from '../../../scripts/electron-binary.mjs';
import { waitFor } from '../../helpers/wait-for';

const electron = findElectron();
const TAIL = ': starting browser mode instead (same UI in your browser).';

/** Runs `npm start`'s script until browser mode prints its URL; returns the "why" lines. */
async function startUntilBrowserMode(extra: string[]): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-start-'));
  const args = ['--port', '0', '--receiver-port', '0', '--data-dir', dataDir, '--no-open'];
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args, ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await waitFor(() => /Switchboard UI: http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.test(out), {
      timeoutMs: 60_000,
      what: 'browser mode URL',
    });
    return out.split('\n').filter((l) => l.includes('starting browser mode'));
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('scripts/start.mjs', () => {
  it.skipIf(Boolean(electron.binary))(
    'falls back to browser mode with one line saying why Electron cannot start',
    async () => {
      expect(electron.reason).toMatch(/^Electron \d+\.\d+\.\d+ /);
      expect(await startUntilBrowserMode([])).toEqual([`${electron.reason}${TAIL}`]);
    },
    90_000,
  );

  it('starts browser mode when asked with --browser', async () => {
    expect(await startUntilBrowserMode(['--browser'])).toEqual([
      `browser mode asked for (--browser)${TAIL}`,
    ]);
  }, 90_000);
});
