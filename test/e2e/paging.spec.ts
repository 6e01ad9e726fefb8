// The list is virtualized and paged from the store: only visible rows exist in the DOM, and
// scrolling to the end loads older captures page by page.
import { expect, sendWebhook, test } from './serve-fixture';

test('virtualized list pages older captures while scrolling', async ({ page, sb }) => {
  const secret = await sb.webhookSecret();
  const total = 450;
  for (let i = 0; i < total; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, total - i) }, (_, j) =>
        sendWebhook(sb.receiverUrl, { taskId: `task-page-${i + j}`, secret }),
      ),
    );
  }
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('capture-count')).toHaveText('450 captures');
  await expect(page.locator('.filters-count')).toHaveText('200+ shown');
  expect(await page.getByTestId('capture-row').count()).toBeLessThan(80);

  const list = page.getByTestId('capture-list');
  await expect(async () => {
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.locator('.filters-count')).toHaveText('450 shown', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  expect(await page.getByTestId('capture-row').count()).toBeLessThan(80);
  await expect(page.getByTestId('capture-row').last()).toContainText('task-page-');
});
