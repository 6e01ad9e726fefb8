// The transport selector on the Agents screen (issue 17), in Chromium: a demo agent's card lists
// its interfaces, the selector offers them with their URLs, choosing HTTP+JSON is stored (PUT)
// with the agent; a quick task and the long task with push then run over REST, the
// webhooks land on the same timeline, and a row's wire exchange shows the REST request line
// (method + path) with Copy as curl. axe finds nothing serious.
import { expect, test } from './serve-fixture';
import { audit } from './axe-audit';

test.use({ viewport: { width: 1440, height: 900 } });

test('choose HTTP+JSON for a demo agent; the story runs over REST', async ({ page, sb }) => {
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

  const card = page.getByTestId('section-card');
  if (!(await card.evaluate((d) => (d as HTMLDetailsElement).open)))
    await card.locator('summary').click();
  const select = page.getByLabel('Transport');
  await expect(select).toHaveValue('auto');
  await expect(page.getByTestId('transport-in-use')).toHaveText('in use: JSONRPC');
  const options = await select.locator('option').allTextContents();
  expect(options).toContain(`JSONRPC · ${agentUrl}`);
  expect(options).toContain(`HTTP+JSON · ${agentUrl}rest`);
  expect(options.some((o) => /^GRPC · 127\.0\.0\.1:\d+$/.test(o))).toBe(true);

  await select.selectOption('HTTP+JSON');
  await expect(page.getByTestId('transport-in-use')).toHaveText('in use: HTTP+JSON');
  await expect(card.locator('summary')).toContainText(`HTTP+JSON ${agentUrl}rest`);
  // Over REST the tutorial dialect has no room: the card's default becomes v1.0.
  await expect(card.locator('summary')).toContainText('push v1.0');
  const findings = await audit(page, 'Agents (transport selector)');

  // Stored with the agent (PUT /api/agents/:id {transport}).
  const [stored] =
    await sb.api<{ transport: string; transportOverride: string | null }[]>('/api/agents');
  expect(stored).toMatchObject({ transport: 'HTTP+JSON', transportOverride: 'HTTP+JSON' });

  // A quick task over REST: the same timeline; its wire exchange is a REST request.
  await page.getByLabel('Message').fill('Process this quickly');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 20_000 });
  const rows = page.getByTestId('tl-row');
  await rows.first().click();
  const wire = page.getByTestId('wire-exchange');
  await wire.locator('summary').click();
  await expect(wire.getByTestId('wire-request-line')).toHaveText(
    'HTTP+JSON · POST /rest/message:stream → 200',
  );
  await expect(wire.getByRole('button', { name: 'Copy as curl' })).toBeVisible();
  await expect(wire.getByLabel('Request body')).toContainText('"role":"ROLE_USER"');
  findings.push(...(await audit(page, 'Agents (REST wire exchange)')));

  // The long task with push over REST: the completion webhook lands on the same timeline.
  await page.getByLabel('Message').fill('Run a long machine learning task');
  await page.getByRole('checkbox', { name: 'push' }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(rows.filter({ hasText: 'working' }).first()).toBeVisible();
  await expect(page.getByTestId('push-line')).toContainText('v1.0');
  const hooks = rows.and(page.locator('[data-source="webhook"]'));
  await expect(hooks.first()).toBeVisible({ timeout: 40_000 });
  await expect(page.getByTestId('task-state')).toHaveText('completed', { timeout: 40_000 });
  await expect(hooks.last()).toHaveAttribute('title', /VALID/);
  expect(findings).toEqual([]);
});
