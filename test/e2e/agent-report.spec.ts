// The push report on the Agents screen: against the Long-Running demo agent (speed 100, which
// the time scale picks up), every required check passes; the table shows the tutorial HMAC and
// v1.0 token checks, the retries with their captures, and the Markdown export downloads.
import { expect, test } from './serve-fixture';

test('push report of a demo agent: every required check passes, with evidence', async ({
  page,
  sb,
}) => {
  test.setTimeout(60_000);
  const demo = await sb.api<{ url: string }>('/api/demo/agents/long/start', {
    method: 'POST',
    body: JSON.stringify({ port: 0, speed: 100 }),
  });
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await page.getByLabel('Agent base URL').fill(demo.url);
  await page.getByRole('button', { name: 'Add agent' }).click();
  await expect(page.getByRole('heading', { name: /Long-Running Task Agent/ })).toBeVisible();

  const section = page.getByTestId('section-agent-report');
  await section.locator('summary').click();
  await expect(section.getByLabel('Time scale')).toHaveValue('100');
  await section.getByRole('button', { name: 'Run push report' }).click();
  await expect(section.getByTestId('agent-report-summary')).toContainText(
    'Every required check passed',
    { timeout: 40_000 },
  );
  const row = (id: string) => section.getByTestId(id);
  await expect(row('agent-check-tutorial-auth.hmac')).toContainText('pass');
  await expect(row('agent-check-v1.0-auth.token')).toContainText('pass');
  await expect(row('agent-check-tutorial-retries.retry-500')).toContainText(
    /retried after 500 and delivered \(3 attempts\).*#\d+ #\d+ #\d+/,
  );
  await expect(row('agent-check-tutorial-auth.token')).toContainText('n/a');
  // The report's response rules are gone again.
  expect(await sb.api<unknown[]>('/api/receiver/rules')).toEqual([]);

  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export Markdown' }).click();
  expect((await download).suggestedFilename()).toMatch(/^agent-report-\d+\.md$/);
});
