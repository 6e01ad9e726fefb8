// Desktop smoke test: the window opens on app:// and window.switchboard exposes the API. Runs
// where an Electron binary exists; elsewhere it is skipped and says why (this machine cannot
// download the binary: ELECTRON_SKIP_BINARY_DOWNLOAD).
import { _electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationNames } from '../../shared/api';

function electronBinary(): { path?: string; reason?: string } {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    if (typeof path === 'string' && existsSync(path)) return { path };
    return { reason: 'the electron package has no binary path' };
  } catch {
    return {
      reason: 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD or no download access)',
    };
  }
}

const electron = electronBinary();
if (!electron.path) console.log(`[electron.spec] skipped: ${electron.reason}`);

test.describe('desktop shell', () => {
  test.skip(!electron.path, electron.reason ?? '');

  test('window opens on app:// with window.switchboard exposing the API', async () => {
    const build = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
    expect(build.status).toBe(0);
    const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-electron-'));
    const app = await _electron.launch({
      executablePath: electron.path!,
      args: ['.', '--no-sandbox'],
      env: { ...process.env, SWITCHBOARD_DATA_DIR: dataDir },
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
