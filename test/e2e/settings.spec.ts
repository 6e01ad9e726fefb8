// Settings tell the truth: each field shows where its effective value comes from, a value set by a
// command-line flag is read-only with the reason (and the engine refuses to save it), and
// regenerating a secret asks first.
import { expect, test } from './serve-fixture';

test('settings show their source; flag-set fields are read-only; regenerate asks first', async ({
  page,
  sb,
}) => {
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Settings' }).click();

  // The serve fixture starts with --receiver-port 0: the field is locked and says why.
  const port = page.getByTestId('field-receiverPort');
  await expect(port).toBeDisabled();
  await expect(page.getByTestId('source-receiverPort')).toHaveAttribute('data-source', 'flag');
  const receiverPort = new URL(sb.receiverUrl).port;
  await expect(page.getByTestId('help-receiverPort')).toContainText(
    `Listening on ${receiverPort}. Set by --receiver-port for this run`,
  );
  await expect(port).toHaveAccessibleDescription(/Set by --receiver-port/);
  await expect(page.getByTestId('source-timestampWindowSec')).toHaveAttribute(
    'data-source',
    'default',
  );
  await expect(page.getByTestId('source-webhookSecret')).toHaveAttribute(
    'data-source',
    'generated',
  );

  // Saving a flag-set value is refused by the engine with a sentence a user can act on.
  const res = await fetch(new URL('/api/settings', sb.uiUrl), {
    method: 'PUT',
    headers: { authorization: `Bearer ${sb.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ patch: { receiverPort: 9999 } }),
  });
  expect(res.status).toBe(409);
  expect(await res.text()).toContain('set by --receiver-port');

  // Saving another field marks it "saved".
  await page.getByTestId('field-timestampWindowSec').fill('120');
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('source-timestampWindowSec')).toHaveAttribute(
    'data-source',
    'saved',
  );

  // Regenerate: dismissing keeps the secret; accepting replaces it. The question warns about
  // existing captures.
  const before = await sb.webhookSecret();
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByTestId('regenerate-webhookSecret').click();
  await expect.poll(() => asked).toContain('existing captures signed with it will turn invalid');
  expect(await sb.webhookSecret()).toBe(before);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('regenerate-webhookSecret').click();
  await expect.poll(() => sb.webhookSecret()).not.toBe(before);
  await expect(page.getByTestId('source-webhookSecret')).toHaveAttribute('data-source', 'saved');
});
