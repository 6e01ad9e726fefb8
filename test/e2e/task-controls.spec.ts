// Task controls in a real browser against the Long-Running demo agent: adding its URL twice
// keeps one agent (the second add selects it), a quick task with v1.0 push gets only valid
// webhooks (per-task token), and once it has finished Resubscribe and Cancel are disabled with
// the reason shown.
import { expect, test } from './serve-fixture';

test('finished task: resubscribe and cancel disabled with a reason; one agent per URL', async ({
  page,
  sb,
}) => {
  const demo = await sb.api<{ url: string }>('/api/demo/agents/long/start', {
    method: 'POST',
    body: JSON.stringify({ port: 0, speed: 20 }),
  });
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await page.getByLabel('Agent base URL').fill(demo.url);
  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('heading', { name: /Long-Running Task Agent/ })).toBeVisible();
  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('heading', { name: /Long-Running Task Agent/ })).toBeVisible();
  await expect.poll(async () => (await sb.api<unknown[]>('/api/agents')).length).toBe(1);

  await page.getByLabel('Push dialect').selectOption('v1.0');
  await page.getByLabel('Message').fill('quick task');
  await page.getByRole('checkbox', { name: 'push' }).check();
  await page.getByRole('button', { name: 'Send' }).click();

  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 20_000 });
  const resubscribe = page.getByRole('button', { name: 'Resubscribe' });
  const cancel = page.getByRole('button', { name: 'Cancel' });
  await expect(resubscribe).toBeDisabled();
  await expect(cancel).toBeDisabled();
  await expect(resubscribe).toHaveAttribute('title', /no live stream left/);
  await expect(page.getByTestId('task-actions-reason')).toHaveText(
    'Resubscribe and Cancel are off: the task is completed.',
  );
  await expect(page.getByRole('button', { name: 'Get' })).toBeEnabled();

  const hooks = page.getByTestId('tl-row').and(page.locator('[data-source="webhook"]'));
  await expect(hooks.first()).toBeVisible({ timeout: 20_000 });
  await expect(hooks.locator('.badge-invalid')).toHaveCount(0);
  await expect(hooks.first().locator('.badge-valid')).toHaveText('valid');
});
