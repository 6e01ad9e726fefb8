// The desktop path without the Electron binary: the real bundles dist-electron/main.cjs and
// preload.cjs run on the Electron stand-in (test/helpers/electron-stand-in), the window is
// Chromium. The renderer reaches the engine only through preload -> IPC -> ipc.ts sender check:
// captures live, detail, settings save, one replay; then the shell's refusals (navigation,
// window.open, a foreign frame).
import { chromium, type Browser } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { operationNames } from '../../shared/api';
import { chromiumLaunchOptions } from '../helpers/chromium';
import { loadDesktopMain, type DesktopApp } from '../helpers/electron-stand-in/index';
import { startJudgingServer, type FixtureReceiver } from '../fixtures/strict-receiver';
import { expect, sendWebhook, test } from './serve-fixture';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

test.describe.configure({ mode: 'serial' });

let browser: Browser;
let desktop: DesktopApp;
let dataDir: string;

test.beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
  dataDir = mkdtempSync(join(tmpdir(), 'switchboard-desktop-'));
  desktop = await loadDesktopMain({
    browser,
    mainPath: 'dist-electron/main.cjs',
    argv: ['--data-dir', dataDir, '--receiver-port', '0'],
  });
});

test.afterAll(async () => {
  await desktop?.quit();
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const page = () => desktop.window.webContents.page!;
type IpcAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; error: { status: number; code: string; message: string } };
const ipcRaw = <T>(name: string, args: object = {}) =>
  page().evaluate(
    ([n, a]) =>
      (window.switchboard as unknown as Record<string, (x: object) => Promise<unknown>>)[n]!(a),
    [name, args] as const,
  ) as Promise<IpcAnswer<T>>;
const ipc = async <T>(name: string, args: object = {}) => {
  const answer = await ipcRaw<T>(name, args);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value;
};

test('the window loads our bundle over app:// with the preload API and nothing else', async () => {
  const p = page();
  expect(desktop.exitCodes).toEqual([]);
  expect(desktop.window.visible).toBe(true);
  expect(desktop.window.options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
  });
  expect(desktop.registered.schemes).toEqual([
    expect.objectContaining({
      scheme: 'app',
      privileges: expect.objectContaining({ secure: true }),
    }),
  ]);
  const keys = await p.evaluate(() => Object.keys(window.switchboard ?? {}).sort());
  expect(keys).toEqual([...operationNames, 'onEvent'].sort());
  expect(await p.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
    'undefined',
  );
  await expect(p.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  // Every permission request is denied by main.ts.
  const granted = await new Promise<boolean>((r) =>
    desktop.registered.permissionRequest!({}, 'notifications', r),
  );
  expect(granted).toBe(false);
});

test('captures arrive live over IPC events; detail, settings save and a replay work', async () => {
  const p = page();
  const receiver = await ipc<{ url: string; listening: boolean }>('receiverInfo');
  expect(receiver.listening).toBe(true);
  const secret = await ipc<{ value: string }>('revealSecret', { key: 'webhookSecret' });
  // A failure keeps its code and status across preload and contextBridge, as over HTTP.
  expect(await ipcRaw('getCapture', { id: 999_999 })).toEqual({
    ok: false,
    error: { status: 404, code: 'not_found', message: expect.stringContaining('#999999') },
  });
  expect(await ipcRaw('getCapture', { id: -1 })).toMatchObject({
    ok: false,
    error: { status: 400, code: 'invalid_arguments' },
  });
  await sendWebhook(receiver.url, { taskId: 'task-desktop', secret: secret.value });

  const row = p.getByTestId('capture-row').first();
  await expect(row).toContainText('task-desktop');
  await expect(row).toHaveAttribute('data-verdict', 'valid');
  await row.click();
  await expect(p.getByTestId('check-hmac-sha256')).toHaveAttribute('data-status', 'pass');
  // The JSON viewer is a chunk of its own: it loads through app:// too.
  await expect(p.getByTestId('body-text').locator('.cm-editor')).toBeVisible();

  let target: FixtureReceiver | null = null;
  try {
    target = await startJudgingServer(() => ({ status: 202, reason: 'ok' }));
    const panel = p.getByTestId('replay-panel');
    await panel.getByTestId('replay-target').fill(target.url);
    await panel.getByTestId('replay-send').click();
    await expect(panel.getByTestId('replay-result')).toContainText('HTTP 202');
    expect(target.received).toHaveLength(1);
    // Exact replay: the bytes sendWebhook sent arrive unchanged.
    const body = target.received[0]!.body;
    expect(sha(body)).toBe(
      sha(
        Buffer.from(
          JSON.stringify({ taskId: 'task-desktop', status: 'completed', preview: 'hello' }),
        ),
      ),
    );
  } finally {
    await target?.close();
  }

  await p.getByRole('button', { name: 'Settings' }).click();
  await p.getByTestId('field-timestampWindowSec').fill('120');
  await p.getByTestId('save-settings').click();
  await expect(p.getByRole('status')).toContainText(/saved|re-verified/i);
  const onDisk = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  expect(onDisk['timestampWindowSec']).toBe(120);
});

test('navigation away, window.open and calls from a foreign frame are refused', async () => {
  const p = page();
  await p.evaluate(() => {
    window.location.href = 'https://example.invalid/phish';
  });
  await expect
    .poll(() => desktop.window.webContents.preventedNavigations)
    .toEqual(['https://example.invalid/phish']);
  expect(p.url()).toMatch(/^http:\/\/switchboard\.localhost\//);

  expect(await p.evaluate(() => window.open('https://example.invalid/docs'))).toBeNull();
  expect(await p.evaluate(() => window.open('file:///etc/passwd'))).toBeNull();
  await expect.poll(() => desktop.window.webContents.deniedOpens.length).toBe(2);
  // Only the http(s) link goes to the OS browser.
  expect(desktop.externalOpened).toEqual(['https://example.invalid/docs']);

  await p.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>foreign</p>';
    frame.dataset['testid'] = 'foreign-frame';
    document.body.append(frame);
  });
  await expect.poll(() => p.frames().length).toBe(2);
  const foreign = p.frames().find((f) => f !== p.mainFrame())!;
  await expect.poll(() => foreign.url()).toBe('about:srcdoc');
  // Preloads run in the main frame only...
  expect(
    await foreign.evaluate(() => typeof (window as { switchboard?: unknown }).switchboard),
  ).toBe('undefined');
  // ...and an IPC call made from the frame anyway is refused by ipc.ts.
  const answer = await foreign.evaluate(() =>
    (window as unknown as Record<string, (c: string, a: unknown[]) => Promise<unknown>>)[
      '__electronStandInInvoke'
    ]!('sb:listCaptures', [{}]),
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
});
