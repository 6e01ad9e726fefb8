// Settings tell where each effective value comes from: a --receiver-port flag is source "flag"
// with its name, cannot be saved over (409 with the reason), and re-verifying reports how many
// verdicts changed.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api';
import { tutorialWebhook } from '../helpers/tutorial-webhook';
import { postAndSettle, startTestEngine, type TestEngine } from '../helpers/engine-fixture';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

describe('settings sources', () => {
  it('marks the flag-set receiver port and refuses to save over it', async () => {
    t = await startTestEngine();
    const view = await t.engine.handlers.getSettings({});
    expect(view.sources.receiverPort).toBe('flag');
    expect(view.origins?.receiverPort).toBe('--receiver-port');
    expect(view.sources.webhookSecret).toBe('env');
    expect(view.origins?.webhookSecret).toBe('SWITCHBOARD_WEBHOOK_SECRET');
    expect(view.sources.timestampWindowSec).toBe('default');
    const refused = await t.engine.handlers
      .updateSettings({ patch: { receiverPort: 9999 }, reverify: false })
      .catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(409);
    expect((refused as ApiError).message).toContain('set by --receiver-port');
    // The receiver did not move, and other fields still save.
    const info = await t.engine.handlers.receiverInfo({});
    expect(info.url).toBe(t.receiverUrl);
    const saved = await t.engine.handlers.updateSettings({
      patch: { timestampWindowSec: 120 },
      reverify: false,
    });
    expect(saved.sources.timestampWindowSec).toBe('saved');
  });

  it('re-verify counts the verdicts that changed', async () => {
    t = await startTestEngine({ env: {} });
    const secret = (await t.engine.handlers.revealSecret({ key: 'webhookSecret' })).value;
    const good = await tutorialWebhook({ webhookSecret: secret });
    await postAndSettle(t, '/webhook', { headers: good.headers, body: good.body });
    await postAndSettle(t, '/webhook', {
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const same = await t.engine.handlers.reverifyCaptures({});
    expect(same).toEqual({ reverified: 2, changed: 0 });
    await t.engine.handlers.regenerateSecret({ key: 'webhookSecret' });
    const after = await t.engine.handlers.reverifyCaptures({});
    expect(after).toEqual({ reverified: 2, changed: 1 });
    const page = await t.engine.handlers.listCaptures({ limit: 5 });
    expect(page.items.map((c) => c.verdict).sort()).toEqual(['invalid', 'unverified']);
  });
});
