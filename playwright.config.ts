// Browser end-to-end tests: Debian's Chromium (CHROMIUM_PATH or /usr/bin/chromium) when present,
// else Playwright's own browser (a developer machine). One worker: the machine has two cores and
// each test runs its own `serve` process.
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/helpers/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1360, height: 820 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
});
