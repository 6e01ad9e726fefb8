// Settings precedence (env > saved > default), first-run secret generation, file mode 0600,
// and a data dir created on first use.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../electron/engine/settings';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'sb-settings-')));

describe('settings store', () => {
  it('generates missing secrets on first run and keeps them', () => {
    const s1 = createSettingsStore({ dataDir: fresh(), env: {} });
    const first = s1.view();
    expect(first.settings.webhookSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.settings.standardWebhooksSecret.startsWith('whsec_')).toBe(true);
    expect(first.sources.webhookSecret).toBe('generated');
    expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    const s2 = createSettingsStore({ dataDir: dir, env: {} });
    expect(s2.get().webhookSecret).toBe(first.settings.webhookSecret);
    expect(s2.view().sources.webhookSecret).toBe('saved');
  });

  it('lets env win over saved values and does not generate what env gives', () => {
    const s = createSettingsStore({
      dataDir: fresh(),
      env: { SWITCHBOARD_WEBHOOK_SECRET: 'from-env-value' },
    });
    expect(s.get().webhookSecret).toBe('from-env-value');
    expect(s.view().sources.webhookSecret).toBe('env');
    s.update({ webhookSecret: 'saved-value-here' });
    expect(s.get().webhookSecret).toBe('from-env-value');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).webhookSecret).toBe(
      'saved-value-here',
    );
  });

  it('notifies listeners and regenerates a secret', () => {
    const s = createSettingsStore({ dataDir: fresh(), env: {} });
    const seen: number[] = [];
    s.onChange((v) => seen.push(v.timestampWindowSec));
    s.update({ timestampWindowSec: 60 });
    const before = s.get().jwtSecret;
    s.regenerate('jwtSecret');
    expect(s.get().jwtSecret).not.toBe(before);
    expect(seen).toEqual([60, 60]);
  });

  it('creates a missing data dir (0700) before writing the generated secrets', () => {
    const nested = join(fresh(), 'not', 'yet', 'there');
    const s = createSettingsStore({ dataDir: nested, env: {} });
    expect(s.get().webhookSecret).not.toBe('');
    expect(statSync(nested).mode & 0o777).toBe(0o700);
    expect(statSync(join(nested, 'settings.json')).mode & 0o777).toBe(0o600);
  });
});
