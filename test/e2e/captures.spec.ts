// The main flow in a real browser against browser mode: empty state, live rows, detail with the
// failed check's reason, verdict filter, keyboard, settings change + re-verify, restart.
import { execFileSync } from 'node:child_process';
import { expect, sendWebhook, test } from './serve-fixture';

const shot = (name: string) => `test/e2e/__screenshots__/${name}.png`;

test('captures arrive live, explain failures, filter, re-verify and survive a restart', async ({
  page,
  sb,
}) => {
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('empty-receiver-url')).toContainText(sb.receiverUrl);
  await expect(page.getByTestId('sample-curl')).toContainText('X-A2A-Signature: sha256=');
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  await page.screenshot({ path: shot('01-empty-state') });

  const secret = await sb.webhookSecret();
  expect((await sendWebhook(sb.receiverUrl, { taskId: 'task-good', secret })).status).toBe(200);
  expect(
    (await sendWebhook(sb.receiverUrl, { taskId: 'task-bad', secret, badSignature: true })).status,
  ).toBe(200);
  expect((await sendWebhook(sb.receiverUrl, { taskId: 'task-plain' })).status).toBe(200);

  // Live, no reload: newest first.
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('task-plain');
  await expect(rows.nth(0)).toHaveAttribute('data-verdict', 'unverified');
  await expect(rows.nth(1)).toHaveAttribute('data-verdict', 'invalid');
  await expect(rows.nth(2)).toHaveAttribute('data-verdict', 'valid');
  await expect(page.getByTestId('capture-count')).toHaveText('3 captures');

  // Open the invalid one and read why.
  await rows.nth(1).click();
  const hmac = page.getByTestId('check-hmac-sha256');
  await expect(hmac).toHaveAttribute('data-status', 'fail');
  await expect(hmac.getByTestId('check-detail')).toContainText('X-A2A-Signature does not match');
  await expect(hmac.getByTestId('diagnosis-expected')).toContainText('Expected signature');
  // The one likely cause is already in the sentence above: it is not repeated below.
  await expect(hmac.getByTestId('diagnosis-likelyCauses')).toHaveCount(0);
  await expect(page.getByTestId('checks').locator('li').first()).toHaveAttribute(
    'data-status',
    'fail',
  );
  await expect(page.getByTestId('body-size')).toContainText('bytes');
  await page.screenshot({ path: shot('02-detail-failed-check') });

  // Filter by verdict.
  await page.getByTestId('verdict-filter-invalid').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('task-bad');
  await page.getByTestId('verdict-filter-all').click();
  await expect(rows).toHaveCount(3);

  // Keyboard: Escape closes, j moves, Enter opens, / focuses search.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await page.keyboard.press('k');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail-path')).toHaveText('/webhook');
  await expect(page.getByTestId('check-hmac-sha256')).toHaveAttribute('data-status', 'fail');
  await page.keyboard.press('/');
  await expect(page.getByTestId('search')).toBeFocused();
  await page.keyboard.type('task-good');
  await expect(rows).toHaveCount(1);
  await page.getByTestId('search').fill('');
  await expect(rows).toHaveCount(3);

  // Change the secret in Settings and re-verify: the old "valid" one no longer verifies.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.screenshot({ path: shot('04-settings') });
  const newSecret = 'e2e-new-secret-' + Date.now();
  await page.getByTestId('field-webhookSecret').fill(newSecret);
  await page.getByTestId('save-settings').click();
  await expect(page.getByTestId('toast')).toContainText('keep their verdicts');
  // Saving alone changed nothing stored; re-verifying is its own action and counts the flips.
  await page.getByRole('button', { name: 'Captures', exact: true }).click();
  await expect(page.locator('[data-testid=capture-row][data-verdict=valid]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Settings' }).click();
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('reverify').click();
  await expect(page.getByTestId('reverify-result')).toHaveText(
    'Re-verified 3 captures: 1 verdict changed.',
  );
  await page.getByRole('button', { name: 'Captures', exact: true }).click();
  await expect(page.locator('[data-testid=capture-row][data-verdict=valid]')).toHaveCount(0);
  await sendWebhook(sb.receiverUrl, { taskId: 'task-new-secret', secret: newSecret });
  await expect(rows.first()).toContainText('task-new-secret');
  await expect(rows.first()).toHaveAttribute('data-verdict', 'valid');
  await page.screenshot({ path: shot('03-live-list') });

  // Restart on the same data dir: everything is still there.
  await sb.restart();
  await page.goto(sb.uiUrl);
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('capture-count')).toHaveText('4 captures');
  await expect(page.getByTestId('receiver-url')).toHaveText(sb.receiverUrl);
});

test("the empty state's sample curl command sends a webhook that verifies", async ({
  page,
  sb,
}) => {
  test.skip(!hasCurl(), 'curl is not installed');
  await page.goto(sb.uiUrl);
  // Signed once the secret is revealed by the engine (settings views carry it masked).
  await expect(page.getByTestId('sample-curl')).toContainText('curl -X POST');
  const command = await page.getByTestId('sample-curl').textContent();
  expect(command).toMatch(/^curl -X POST/);
  execFileSync('sh', ['-c', command ?? ''], { stdio: 'pipe' });
  const row = page.getByTestId('capture-row').first();
  await expect(row).toHaveAttribute('data-verdict', 'valid');
  await row.click();
  await expect(page.getByTestId('check-hmac-sha256')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-notification-token')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-timestamp')).toHaveAttribute('data-status', 'pass');
});

test('copy as curl reproduces the exact request', async ({ page, context, sb }) => {
  test.skip(!hasCurl(), 'curl is not installed');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const secret = await sb.webhookSecret();
  await sendWebhook(sb.receiverUrl, { taskId: "task-it's-$(quoted)", secret });
  await page.goto(sb.uiUrl);
  await page.getByTestId('capture-row').first().click();
  await page.getByTestId('copy-curl').click();
  await expect(page.getByTestId('copy-curl')).toHaveText('Copied');
  const command = await page.evaluate(() => navigator.clipboard.readText());
  execFileSync('sh', ['-c', command], { stdio: 'pipe' });
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("task-it's-$(quoted)");
  await expect(rows.first()).toHaveAttribute('data-verdict', 'valid');
  await page.getByTestId('copy-body').click();
  const body = await page.evaluate(() => navigator.clipboard.readText());
  expect(JSON.parse(body)).toMatchObject({ taskId: "task-it's-$(quoted)" });
});

test('Delete key removes with Undo; clear filters and delete all are different', async ({
  page,
  sb,
}) => {
  const secret = await sb.webhookSecret();
  await sendWebhook(sb.receiverUrl, { taskId: 'task-del-1', secret });
  await sendWebhook(sb.receiverUrl, { taskId: 'task-del-2', secret });
  await page.goto(sb.uiUrl);
  const rows = page.getByTestId('capture-row');
  await rows.first().click();
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId('detail')).toHaveCount(0);
  await expect(page.getByTestId('capture-count')).toHaveText('1 capture');
  // Undo brings it back from the store.
  await expect(page.getByTestId('toast')).toContainText('Deleted capture');
  await page.getByTestId('toast-action').click();
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('task-del-2');
  const stored = await sb.api<{ count: number }>('/api/captures/count');
  expect(stored.count).toBe(2);

  // Delete again and let the toast expire: now it is gone from the store too.
  await rows.first().click();
  await page.keyboard.press('Delete');
  await expect(rows).toHaveCount(1);
  await expect
    .poll(async () => (await sb.api<{ count: number }>('/api/captures/count')).count, {
      timeout: 15_000,
    })
    .toBe(1);

  // "Clear filters" resets the filters and deletes nothing.
  await expect(page.getByTestId('clear-filters')).toBeDisabled();
  await page.getByTestId('verdict-filter-invalid').click();
  await expect(rows).toHaveCount(0);
  await page.getByTestId('clear-filters').click();
  await expect(page.getByTestId('verdict-filter-all')).toHaveAttribute('aria-checked', 'true');
  await expect(rows).toHaveCount(1);

  // "Delete all captures…" asks first, naming the count; dismissing keeps everything.
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.message();
    void d.dismiss();
  });
  await page.getByTestId('clear-captures').click();
  await expect.poll(() => asked).toContain('Delete all 1 capture');
  await expect(rows).toHaveCount(1);
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('clear-captures').click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
});

function hasCurl(): boolean {
  try {
    execFileSync('curl', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

test('dark theme follows the OS', async ({ page, sb }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const secret = await sb.webhookSecret();
  await sendWebhook(sb.receiverUrl, { taskId: 'task-dark-1', secret });
  await sendWebhook(sb.receiverUrl, { taskId: 'task-dark-2', secret, badSignature: true });
  await page.goto(sb.uiUrl);
  await page.getByTestId('capture-row').first().click();
  await expect(page.getByTestId('check-hmac-sha256')).toHaveAttribute('data-status', 'fail');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 24, 29)');
  await page.screenshot({ path: shot('05-dark-detail') });
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.screenshot({ path: shot('08-dark-settings') });
});

test('narrow window keeps the list readable next to the detail', async ({ page, sb }) => {
  await page.setViewportSize({ width: 960, height: 680 });
  const secret = await sb.webhookSecret();
  for (let i = 0; i < 5; i++)
    await sendWebhook(sb.receiverUrl, { taskId: `task-narrow-${i}`, secret });
  await page.goto(sb.uiUrl);
  await page.getByTestId('capture-row').first().click();
  await expect(page.getByTestId('check-hmac-sha256')).toHaveAttribute('data-status', 'pass');
  // No horizontal overflow: the list pane fits its column.
  const overflow = await page
    .getByTestId('capture-list')
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot('07-narrow-split') });
});

test('refused requests show in the audit log, live', async ({ page, sb }) => {
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Audit' }).click();
  await expect(page.getByText('Nothing refused so far')).toBeVisible();
  await sb.api('/api/settings', {
    method: 'PUT',
    body: JSON.stringify({ patch: { bodyLimitBytes: 2048 } }),
  });
  const res = await fetch(`${sb.receiverUrl}/too-big`, {
    method: 'POST',
    body: 'x'.repeat(10_000),
  });
  expect(res.status).toBe(413);
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('/too-big');
  await expect(table).toContainText('413');
  await expect(table).toContainText('exceeds');
});
