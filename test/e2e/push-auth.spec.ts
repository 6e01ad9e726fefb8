// Compose push settings in a real browser: for the v1.0 / v0.3 push dialects the form offers
// "Authorization: none | Bearer (generated credential)"; with Bearer the demo agent sends
// `Authorization: Bearer <credential>` on every webhook, the task's push line shows it masked,
// and the webhook row's notification-token check passes it for this task. The tutorial dialect
// (HMAC-signed, no push config authentication) does not offer it.
import { expect, test } from './serve-fixture';

test('push with a generated Bearer credential: masked on the task, valid on the webhook', async ({
  page,
  sb,
}) => {
  test.setTimeout(60_000);
  const demo = await sb.api<{ url: string }>('/api/demo/agents/long/start', {
    method: 'POST',
    body: JSON.stringify({ port: 0, speed: 6 }),
  });
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await page.getByLabel('Agent base URL').fill(demo.url);
  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('heading', { name: /Long-Running Task Agent/ })).toBeVisible();

  await page.getByLabel('Push dialect').selectOption('tutorial');
  await expect(page.getByLabel('Push dialect')).toHaveValue('tutorial');
  await page.getByRole('checkbox', { name: 'push' }).check();
  await expect(page.getByTestId('push-settings')).toBeVisible();
  await expect(page.getByLabel('Push Authorization')).toHaveCount(0);

  await page.getByLabel('Push dialect').selectOption('v1.0');
  await expect(page.getByLabel('Push dialect')).toHaveValue('v1.0');
  await expect(page.getByLabel('Push Authorization')).toHaveValue('none');
  await page.getByLabel('Push Authorization').selectOption('bearer');
  await page.getByLabel('Message').fill('Process this quickly');
  await page.getByRole('button', { name: 'Send' }).click();

  await expect(page.getByTestId('push-line')).toContainText('Authorization Bearer ••• (32 chars)');
  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 20_000 });
  const hooks = page.getByTestId('tl-row').and(page.locator('[data-source="webhook"]'));
  await expect(hooks.first()).toBeVisible({ timeout: 20_000 });
  await expect(hooks.last().locator('.badge-valid')).toHaveText('valid');
  await hooks.last().click();
  const check = page.getByTestId('tl-detail').getByTestId('check-notification-token');
  await expect(check).toHaveAttribute('data-status', 'pass');
  await expect(check).toContainText(
    "Authorization credential Switchboard registered in the push config's authentication",
  );
  const taskId = (await page.getByTestId('task-id').textContent()) ?? '';
  await expect(check).toContainText(`for this task ("${taskId}")`);
  await page.screenshot({ path: 'test/e2e/__screenshots__/agents-push-auth.png' });
});
