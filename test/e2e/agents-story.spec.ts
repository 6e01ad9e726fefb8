// The tutorial's story on the Agents screen (issue 14), at 1024x700 in Chromium: start the
// Long-Running demo agent from the Demo screen, Open in Agents, send a long task with push,
// disconnect, and let the completion webhook (retried: the receiver fails the first two
// attempts) move the task to completed and bring its artifact onto the timeline with no Get
// click. Then the webhook row's checks and binding, Open in Captures with a task-id prefix
// filter, a new Send that leaves nothing of the previous task, remembered collapsed sections,
// lane layouts and wrap, and a 1440x900 screenshot.
import { expect, test } from './serve-fixture';
import { audit } from './axe-audit';

test.use({ viewport: { width: 1024, height: 700 } });

test('disconnected long task: completion webhook, completed chip, artifact, capture', async ({
  page,
  sb,
}) => {
  test.setTimeout(90_000);
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Demo agents', exact: true }).click();
  const long = page.getByTestId('demo-agent-long');
  await long.getByLabel('Port').fill('0');
  await long.getByLabel('Speed').fill('6');
  await long.getByRole('button', { name: 'Start' }).click();
  await expect(long.getByTestId('demo-status')).toHaveText('running');
  const agentUrl = (await long.getByTestId('demo-url').textContent()) ?? '';
  await long.getByRole('button', { name: 'Open in Agents' }).click();

  // Added and selected; the hint names the demo agent's real URL; discovery finds it. At 700 px
  // of height the card starts collapsed, its summary naming the agent.
  const card = page.getByTestId('section-card');
  await expect(card).toHaveJSProperty('open', false);
  await expect(card.locator('summary')).toContainText('Long-Running Task Agent');
  await expect(page.getByTestId('demo-hint')).toContainText(agentUrl);
  await page.getByRole('button', { name: 'Discover on localhost' }).click();
  await expect(page.getByLabel('Discovered agents')).toContainText(`${agentUrl} (added)`);

  await card.locator('summary').click();
  await expect(page.getByRole('heading', { name: /Long-Running Task Agent/ })).toBeVisible();
  await page.getByLabel('Push dialect').selectOption('tutorial');
  await expect(page.getByLabel('Push dialect')).toHaveValue('tutorial');
  await expect(card.locator('summary')).toContainText('push tutorial');
  await card.locator('summary').click();
  // The receiver fails the next two deliveries: the agent retries (attempts 1, 2, 3).
  await sb.api('/api/receiver/rules', {
    method: 'PUT',
    body: JSON.stringify({ rules: [{ path: '/webhook', status: 503, failNext: 2 }] }),
  });

  // Open in Agents brought the tutorial's message, push on: Send is all it takes.
  await expect(page.getByLabel('Message')).toHaveValue('Run a long machine learning task');
  await expect(page.getByRole('checkbox', { name: 'push' })).toBeChecked();
  await expect(page.getByLabel('Push URL')).toHaveAttribute(
    'placeholder',
    `${sb.receiverUrl.replace(/\/$/, '')}/webhook`,
  );
  await page.getByRole('button', { name: 'Send' }).click();
  const rows = page.getByTestId('tl-row');
  await expect(rows.filter({ hasText: 'working' }).first()).toBeVisible();
  await expect(page.getByTestId('push-line')).toContainText(
    'signed with the HMAC secret, no token',
  );
  const taskId = (await page.getByTestId('task-id').textContent()) ?? '';
  expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('stream-status')).toHaveText('not connected');

  // The webhook alone completes the task and fetches its result: no Get click.
  const hooks = rows.and(page.locator('[data-source="webhook"]'));
  await expect(hooks).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('task-state')).toHaveText('completed');
  await expect(page.getByLabel('Tasks').getByRole('button').first()).toContainText('completed');
  // Fetched once (twice when the first answer raced the agent's own completion).
  const fetchedRow = rows.filter({ hasText: 'tasks/get after webhook' }).last();
  await expect(fetchedRow).toContainText('completed');
  await expect(fetchedRow).toContainText('Long-running task completed!');
  await expect(hooks.nth(0)).toContainText('webhook #1');
  await expect(hooks.nth(0).getByTestId('tl-answer')).toHaveText("→ 503 by rule #1 'fail next 2'");
  await expect(hooks.nth(1).getByTestId('tl-answer')).toHaveText("→ 503 by rule #1 'fail next 1'");
  await expect(hooks.nth(0)).toHaveAttribute('title', /answered 503 by rule #1 'fail next 2'/);
  await expect(hooks.nth(2)).toContainText('webhook #3');
  await expect(hooks.nth(2).getByTestId('tl-answer')).toHaveText('→ 200');
  await expect(hooks.nth(2)).toHaveAttribute('title', /completed · VALID · answered 200/);
  // At 1024 px the first-visit lane layout is one column: the webhook text is readable.
  await expect(page.getByLabel('Lane layout')).toHaveValue('merged');
  await expect(hooks.nth(2)).toContainText('Task completed - fetch results with tasks/get');
  await page.screenshot({ path: 'test/e2e/__screenshots__/agents-1024.png' });

  // The webhook row: verdict, checks, binding, then the capture in Captures.
  await hooks.nth(2).click();
  const detail = page.getByTestId('tl-detail');
  await expect(detail.getByTestId('check-hmac-sha256')).toHaveAttribute('data-status', 'pass');
  await expect(detail.getByTestId('tl-binding')).toContainText(taskId);
  await expect(detail.getByTestId('tl-binding')).toContainText('(this task)');
  await expect(detail.getByTestId('tl-detail-answer')).toHaveText('receiver answered 200');
  await page.screenshot({ path: 'test/e2e/__screenshots__/agents-webhook-detail.png' });
  await detail.getByRole('button', { name: 'Open in Captures' }).click();
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(page.getByTestId('detail')).toContainText(taskId);
  await page.getByTestId('task-filter').fill(taskId.slice(0, 8));
  await expect(page.getByTestId('capture-row')).toHaveCount(3);
  // The first attempt's capture says which rule answered it.
  await page.getByTestId('capture-row').last().click();
  await expect(page.getByTestId('detail')).toContainText("HTTP 503 by rule #1 'fail next 2'");

  // Back on the task: Get shows its JSON; a new Send shows nothing of it.
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await page.getByLabel('Tasks').getByRole('button').first().click();
  await page.getByRole('button', { name: 'Get', exact: true }).click();
  await expect(page.getByTestId('fetched')).toContainText(taskId);
  await rows.first().click();
  await expect(page.locator('.tl-row.selected')).toHaveCount(1);
  await page.getByLabel('Message').fill('Process this quickly');
  await page.getByRole('checkbox', { name: 'push' }).uncheck();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('task-id')).not.toHaveText(taskId);
  await expect(page.getByTestId('fetched')).toHaveCount(0);
  await expect(page.locator('.tl-row.selected')).toHaveCount(0);
  await expect(page.getByTestId('tl-detail')).toHaveCount(0);
  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 15_000 });

  // Collapsed sections are remembered across a reload (the card is closed already).
  await page.getByTestId('section-compose').locator('summary').click();
  await expect(page.getByLabel('Message')).toBeHidden();
  await page.reload();
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await expect(page.getByTestId('section-card')).toBeVisible();
  await expect(page.getByTestId('section-card')).toHaveJSProperty('open', false);
  await expect(page.getByTestId('section-compose')).toHaveJSProperty('open', false);

  // Lane layouts and wrap (remembered too).
  await page.getByLabel('Tasks').getByRole('button').last().click();
  await expect(rows.first()).toBeVisible();
  await page.getByLabel('Lane layout').selectOption('merged');
  await expect(rows.first().locator('.tl-lane-tag')).toBeVisible();
  await page.getByRole('checkbox', { name: 'wrap' }).check();
  await expect.poll(async () => (await rows.first().boundingBox())?.height).toBe(60);
  await page.screenshot({ path: 'test/e2e/__screenshots__/agents-1024-collapsed.png' });
  await page.getByLabel('Lane layout').selectOption('split');
  await page.getByRole('checkbox', { name: 'wrap' }).uncheck();
  await page.getByTestId('section-card').locator('summary').click();
  await page.getByTestId('section-compose').locator('summary').click();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test/e2e/__screenshots__/agents-1440.png' });

  // With timeline rows, a selected row and its detail, the screen still passes axe.
  await rows.first().click();
  await expect(page.getByTestId('tl-detail')).toBeVisible();
  const findings = await audit(page, 'Agents timeline');
  await page.emulateMedia({ colorScheme: 'dark' });
  findings.push(...(await audit(page, 'Agents timeline (dark)')));
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
});
