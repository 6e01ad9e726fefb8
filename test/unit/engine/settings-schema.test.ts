// The settings schema is the one source: defaults validate against it, the form shows every key
// once with the schema's limits, and the secret list is exactly the secret-kind fields.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  ENV_KEYS,
  SECRET_SETTING_KEYS,
  SETTING_KEYS,
  settingsPatch,
  settingsSchema,
} from '../../../shared/model';
import { FIELD_GROUPS } from '../../../renderer/views/settings/settings-form';

describe('settings schema', () => {
  it('defaults are valid settings', () => {
    expect(settingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('the form lists every setting exactly once, with the patch limits', () => {
    const fields = FIELD_GROUPS.flatMap((g) => g.fields);
    expect(fields.map((f) => f.key).sort()).toEqual([...SETTING_KEYS].sort());
    const port = fields.find((f) => f.key === 'receiverPort');
    expect([port?.min, port?.max]).toEqual([0, 65535]);
    expect(settingsPatch.safeParse({ receiverPort: 65536 }).success).toBe(false);
    expect(settingsPatch.safeParse({ receiverPort: 65535 }).success).toBe(true);
  });

  it('secrets are the secret-kind fields, each with an environment variable', () => {
    expect([...SECRET_SETTING_KEYS].sort()).toEqual(
      ['jwtSecret', 'notificationToken', 'standardWebhooksSecret', 'webhookSecret'].sort(),
    );
    for (const key of SECRET_SETTING_KEYS) expect(ENV_KEYS[key]).toMatch(/^SWITCHBOARD_/);
    expect(ENV_KEYS.jwksUrl).toBe('SWITCHBOARD_JWT_JWKS_URL');
  });
});
