// Settings > Display in a real browser: the time format (24 h with ms by default, 12 h with ms)
// applies at once to the captures list, the capture detail and the Agents timeline, the
// timeline's relative gaps can be hidden, and both choices survive a reload.
import { expect, sendWebhook, test } from './serve-fixture';

const H24 = /^\d{2}:\d{2}:\d{2}\.\d{3}$/;
const H12 = /^\d{1,2}:\d{2}:\d{2}\.\d{3} (AM|PM)$/;

test('time format and relative gaps follow the Display setting everywhere', async ({
  page,
  sb,
}) => {
  test.setTimeout(60_000);
  const demo = await sb.api<{ url: string }>('/api/demo/agents/long/start', {
    method: 'POST',
    body: JSON.stringify({ port: 0, speed: 6 }),
  });
  await sendWebhook(sb.receiverUrl, { taskId: 'display-task' });
  await page.goto(sb.uiUrl);
  const time = page.getByTestId('capture-row').first().locator('.cell-time');
  await expect(time).toHaveText(H24);

  // A timeline with a few rows (and gaps between them).
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await page.getByLabel('Agent base URL').fill(demo.url);
  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('heading', { name: /Long-Running Task Agent/ })).toBeVisible();
  await page.getByLabel('Message').fill('Process this quickly');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 20_000 });
  const rows = page.getByTestId('tl-row');
  await expect(rows.first().locator('.tl-time')).toHaveText(H24);
  await expect(rows.nth(1).locator('.tl-gap')).toHaveText(/^\+/);

  await page.getByRole('button', { name: 'Settings' }).click();
  const display = page.getByTestId('display-settings');
  await expect(display.getByLabel('Time format')).toHaveValue('24h');
  await display.getByLabel('Time format').selectOption('12h');
  await display.getByLabel('Relative gaps').uncheck();
  await page.screenshot({ path: 'test/e2e/__screenshots__/settings-display.png' });

  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await expect(rows.first().locator('.tl-time')).toHaveText(H12);
  await expect(rows.nth(1).locator('.tl-gap')).toHaveText('');
  await rows.first().click();
  await expect(page.getByTestId('tl-detail').locator('.tl-detail-head .mono')).toHaveText(H12);

  await page.getByRole('button', { name: 'Captures', exact: true }).click();
  await expect(time).toHaveText(H12);
  // The 12 h time fits its column (the column widens with the format).
  const fits = await time.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits).toBe(true);
  await page.getByTestId('capture-row').last().click();
  await expect(page.getByTestId('detail')).toContainText(
    /\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}:\d{2}\.\d{3} (AM|PM)/,
  );

  // Remembered in this browser profile.
  await page.reload();
  await expect(page.getByTestId('capture-row').first().locator('.cell-time')).toHaveText(H12);
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(display.getByLabel('Time format')).toHaveValue('12h');
  await expect(display.getByLabel('Relative gaps')).not.toBeChecked();
  await display.getByLabel('Time format').selectOption('24h');
  await page.getByRole('button', { name: 'Captures', exact: true }).click();
  await expect(page.getByTestId('capture-row').first().locator('.cell-time')).toHaveText(H24);
});
