// The Demo agents screen in a real browser against browser mode: start the Long-Running agent on
// any free port (port 0) at speed 60, see it running with its card, save a response rule that
// fails the next request on /webhook, send the agent the tutorial's request with push from the
// test, and watch the delivery log show the failed attempt, the retry and a 100% success rate.
// Also: a busy port is reported in words, the filter, clear and stop.
import { expect, test } from './serve-fixture';
import { audit } from './axe-audit';

interface Rule {
  path: string;
  status: number;
  failNext: number | null;
}

test('demo agents: start, card, rules round-trip, live delivery log, stop', async ({
  page,
  sb,
}) => {
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Demo agents', exact: true }).click();
  const long = page.getByTestId('demo-agent-long');
  await long.getByLabel('Port').fill('0');
  await long.getByLabel('Speed').fill('60');
  await long.getByRole('button', { name: 'Start' }).click();
  await expect(long.getByTestId('demo-status')).toHaveText('running');
  await expect(long.getByTestId('demo-card')).toContainText('Long-Running Task Agent');
  await expect(long.getByTestId('demo-card')).toContainText('v1.0.0');
  await expect(long.getByTestId('demo-card')).toContainText('pushNotifications');
  await expect(long.getByTestId('demo-curl')).toContainText(
    `${sb.receiverUrl.replace(/\/$/, '')}/webhook`,
  );
  const agentUrl = (await long.getByTestId('demo-url').textContent()) ?? '';
  expect(agentUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);

  // A busy port (the long agent's) is reported in the engine's words.
  const ent = page.getByTestId('demo-agent-enterprise');
  await ent.getByLabel('Port').fill(new URL(agentUrl).port);
  await ent.getByRole('button', { name: 'Start' }).click();
  await expect(ent.getByRole('alert')).toContainText('Enterprise Security Agent');
  await expect(ent.getByTestId('demo-status')).toHaveText('error');

  // Rules: add one (defaults: any method, /webhook, 500, fail next 1), save, read back.
  const rules = page.getByTestId('rules-editor');
  await rules.getByRole('button', { name: 'Add rule' }).click();
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules.getByRole('status')).toHaveText('Saved.');
  const saved = await sb.api<Rule[]>('/api/receiver/rules');
  expect(saved).toMatchObject([{ path: '/webhook', status: 500, failNext: 1 }]);

  // The tutorial's request with push at the receiver: attempt 1 gets 500, attempt 2 lands.
  const res = await fetch(agentUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      jsonrpc: '2.0',
      method: 'message/stream',
      id: '1',
      params: {
        message: {
          role: 'user',
          parts: [{ kind: 'text', text: 'Run a long machine learning task' }],
          messageId: 'm-e2e',
          kind: 'message',
        },
        pushNotificationConfig: { url: `${sb.receiverUrl.replace(/\/$/, '')}/webhook` },
      },
    }),
  });
  expect(await res.text()).toContain('completed');
  const log = page.getByTestId('delivery-log');
  await expect(log.getByTestId('delivery-row')).toHaveCount(2);
  await expect(log.getByTestId('delivery-row').nth(1)).toContainText('500');
  await expect(log.getByTestId('delivery-row').nth(1)).toContainText('retry');
  await expect(log.getByTestId('delivery-row').nth(0)).toContainText('delivered');
  await expect(log.getByTestId('delivery-rate')).toContainText('100% delivered (1/1)');
  // The task column: the full task id (both attempts are of the same task).
  const tasks = await log.getByTestId('delivery-task').allTextContents();
  expect(tasks[0]).toMatch(/^[0-9a-f-]{36}$/);
  expect(tasks[1]).toBe(tasks[0]);
  // The consumed count arrives live in the (unedited) rules editor.
  await expect(rules.getByLabel('Fail next')).toHaveValue('0');
  await expect(rules.getByTestId('rule-row')).toContainText('Used up');
  await page.screenshot({ path: 'test/e2e/__screenshots__/09-demo-agents.png' });
  // With agents running, rules and deliveries on screen, axe finds nothing in either scheme.
  const findings = await audit(page, 'Demo agents (running)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test/e2e/__screenshots__/09-demo-agents-dark.png' });
  findings.push(...(await audit(page, 'Demo agents (running, dark)')));
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  await log.getByLabel('Filter by agent').selectOption('enterprise');
  await expect(log.getByTestId('delivery-row')).toHaveCount(0);
  await log.getByLabel('Filter by agent').selectOption('');
  await expect(log.getByTestId('delivery-row')).toHaveCount(2);
  await log.getByRole('button', { name: 'Clear' }).click();
  await expect(log.getByTestId('delivery-row')).toHaveCount(0);

  await rules.getByRole('button', { name: 'Remove rule' }).click();
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect.poll(() => sb.api<Rule[]>('/api/receiver/rules')).toEqual([]);

  // Restart keeps the port unless changed, and applies a new speed.
  await long.getByLabel('Port').fill('');
  await long.getByLabel('Speed').fill('30');
  await long.getByRole('button', { name: 'Restart' }).click();
  await expect(long).toContainText('speed ×30');
  await expect(long.getByTestId('demo-url')).toHaveText(agentUrl);
  await expect(long.getByTestId('demo-status')).toHaveText('running');

  await long.getByRole('button', { name: 'Stop' }).click();
  await expect(long.getByTestId('demo-status')).toHaveText('stopped');
});

test('demo agents: Start both on free ports, restart keeps the port, discovery finds them', async ({
  page,
  sb,
}) => {
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Demo agents', exact: true }).click();
  await page.getByRole('checkbox', { name: 'on any free ports' }).check();
  await page.getByRole('button', { name: 'Start both' }).click();
  const long = page.getByTestId('demo-agent-long');
  const ent = page.getByTestId('demo-agent-enterprise');
  await expect(long.getByTestId('demo-status')).toHaveText('running');
  await expect(ent.getByTestId('demo-status')).toHaveText('running');
  await expect(page.getByRole('button', { name: 'Start both' })).toBeDisabled();
  const longUrl = (await long.getByTestId('demo-url').textContent()) ?? '';
  const entUrl = (await ent.getByTestId('demo-url').textContent()) ?? '';

  // The Port field still says 0 from before: a restart for a new speed keeps the port.
  await long.getByLabel('Port').fill('0');
  await long.getByLabel('Speed').fill('7');
  await long.getByRole('button', { name: 'Restart' }).click();
  await expect(long).toContainText('speed ×7');
  await expect(long.getByTestId('demo-url')).toHaveText(longUrl);

  // The Agents screen names the real URLs and discovery finds both (non-default ports).
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await expect(page.getByTestId('demo-hint')).toContainText(longUrl);
  await expect(page.getByTestId('demo-hint')).toContainText(entUrl);
  await expect(page.getByLabel('Agent base URL')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  await page.getByRole('button', { name: 'Discover on localhost' }).click();
  const found = page.getByLabel('Discovered agents');
  await expect(found).toContainText(longUrl);
  await expect(found).toContainText(entUrl);
  // Open in Agents for the enterprise agent: added and selected.
  await page.getByRole('button', { name: 'Demo agents', exact: true }).click();
  await ent.getByRole('button', { name: 'Open in Agents' }).click();
  await expect(page.getByRole('heading', { name: /Enterprise Security Agent/ })).toBeVisible();
  await expect(page.getByLabel('Agents').getByRole('button', { name: /Enterprise/ })).toHaveClass(
    'active',
  );
});

test('a newcomer starts both demo agents from the empty captures screen', async ({ page, sb }) => {
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  const findings = await audit(page, 'Captures (empty, with the demo button)');
  expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
  await page.getByTestId('empty-start-demo').click();
  await expect(page.getByTestId('demo-view')).toBeVisible();
  const long = page.getByTestId('demo-agent-long');
  const ent = page.getByTestId('demo-agent-enterprise');
  await expect(long.getByTestId('demo-status')).toHaveText('running');
  await expect(ent.getByTestId('demo-status')).toHaveText('running');
  // Each on a port of its own, and the page names no failure.
  const urls = await page.getByTestId('demo-url').allTextContents();
  expect(new Set(urls).size).toBe(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
