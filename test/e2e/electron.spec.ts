// Desktop smoke test: the window opens on app:// and window.switchboard exposes the API. Runs
// where an Electron binary exists or can be downloaded; elsewhere it is skipped and says why
// (this machine cannot download it). desktop-ipc.spec.ts covers the same path on a stand-in.
import { _electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationNames } from '../../shared/api';
import { findElectron } from '../../scripts/electron-binary.mjs';

const electron = findElectron();
if (!electron.binary) console.log(`[electron.spec] skipped: ${electron.reason}`);

test.describe('desktop shell', () => {
  test.skip(!electron.binary, electron.reason ?? '');

  test('window opens on app:// with window.switchboard exposing the API', async () => {
    const build = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-electron-'));
    const app = await _electron.launch({
      executablePath: electron.binary!,
      args: ['.', '--no-sandbox', '--data-dir', dataDir, '--receiver-port', '0'],
    });
    try {
      const page = await app.firstWindow();
      expect(page.url()).toBe('app://switchboard/index.html');
      const keys = await page.evaluate(() => Object.keys(window.switchboard ?? {}).sort());
      expect(keys).toEqual([...operationNames, 'onEvent'].sort());
      const nodeVisible = await page.evaluate(
        () => typeof (globalThis as { require?: unknown }).require,
      );
      expect(nodeVisible).toBe('undefined');
      await expect(page.getByTestId('statusbar')).toBeVisible();
      await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
