// Capture origin in the UI: a HAR imported on the Replay screen shows up with an "import" chip
// at its import time (original time in the detail), and the origin filter finds it.
import { expect, sendWebhook, test } from './serve-fixture';

test('imported captures carry an origin chip and can be filtered', async ({ page, sb }) => {
  await sendWebhook(sb.receiverUrl, { taskId: 'origin-live' });
  const [live] = (await sb.api<{ items: { id: number }[] }>('/api/captures')).items;
  const { har } = await sb.api<{ har: string }>('/api/har/export', {
    method: 'POST',
    body: JSON.stringify({ selection: { captureIds: [live!.id] } }),
  });
  await page.goto(sb.uiUrl);
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('button', { name: 'Replay' })
    .click();
  await page.locator('input[type=file]').setInputFiles({
    name: 'one.har',
    mimeType: 'application/json',
    buffer: Buffer.from(har),
  });
  await expect(page.getByTestId('har')).toContainText('Imported 1 capture');
  await page.getByRole('button', { name: 'Captures', exact: true }).click();
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('origin-chip')).toHaveText('import');
  await expect(rows.nth(1).getByTestId('origin-chip')).toHaveCount(0);

  await page.getByTestId('origin-filter').selectOption('import');
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  await expect(page.getByTestId('detail')).toContainText('Originally sent');
  await page.getByTestId('origin-filter').selectOption('receiver');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('origin-live');
});
