// Settings precedence (env > saved > default), first-run secret generation, file mode 0600,
// and the optional secret codec.
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

  it('stores secrets through the codec when one is given', () => {
    const codec = {
      encode: (p: string) => `enc:${[...p].reverse().join('')}`,
      decode: (s: string) => [...s.slice(4)].reverse().join(''),
    };
    const s = createSettingsStore({ dataDir: fresh(), env: {}, codec });
    s.update({ webhookSecret: 'plain-secret-x' });
    const onDisk = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expect(onDisk.webhookSecret).toBe('enc:x-terces-nialp');
    expect(createSettingsStore({ dataDir: dir, env: {}, codec }).get().webhookSecret).toBe(
      'plain-secret-x',
    );
  });
});
