// Settings in a real browser: secrets arrive masked and are revealed on request (the separate
// reveal operation); revealing is not an edit; the limits and retention groups are there.
import { MASKED_SECRET } from '../../shared/model';
import { expect, test } from './serve-fixture';

test('secrets are masked until revealed, and revealing does not dirty the form', async ({
  page,
  sb,
}) => {
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  const field = page.getByTestId('field-webhookSecret');
  await expect(field).toHaveValue(MASKED_SECRET);
  await expect(field).toHaveAttribute('type', 'password');
  await page.getByTestId('reveal-webhookSecret').click();
  await expect(field).toHaveAttribute('type', 'text');
  await expect(field).toHaveValue(await sb.webhookSecret());
  await expect(page.getByTestId('save-settings')).toBeDisabled();

  await expect(page.getByTestId('field-sseFrameLimitBytes')).toHaveValue(String(8 * 1024 * 1024));
  await expect(page.getByTestId('field-cardLimitBytes')).toHaveValue(String(1024 * 1024));
  await expect(page.getByTestId('field-retentionIncludeCaptures')).not.toBeChecked();
  await expect(page.getByTestId('store-size')).toContainText(/Store: [\d.]+ (KiB|MiB) of data/);
});

test('the retention group says what the last trim deleted, logs included', async ({ page, sb }) => {
  await sb.api('/api/store/retention', { method: 'POST', body: '{}' });
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('store-size')).toContainText(
    /last trimmed .*: 0 exchanges, 0 replays, 0 captures, 0 log rows/,
  );
});
