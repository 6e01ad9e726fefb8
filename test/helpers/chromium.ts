// How tests and benchmarks launch Chromium: Debian's (CHROMIUM_PATH or /usr/bin/chromium) when
// present, else Playwright's own browser (a developer machine). The flags keep a root, GPU-less,
// offline machine quiet (no sandbox as root, no background network calls that would be refused).
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const candidate = env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  return { ...(existsSync(candidate) ? { executablePath: candidate } : {}), args: CHROMIUM_ARGS };
}
