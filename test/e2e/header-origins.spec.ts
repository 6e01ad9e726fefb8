// Custom headers stay on their origin in the UI: an agent whose card points at another origin
// shows why calls are refused; allowing that origin (stored with the agent) lets them through.
import { startHostileAgent } from '../fixtures/hostile-agent';
import { expect, test } from './serve-fixture';

test('custom headers go to another origin only after the user allows it', async ({ page, sb }) => {
  const other = await startHostileAgent();
  const foreign = await startHostileAgent({ card: 'foreign', elsewhere: other.url });
  try {
    await page.goto(sb.uiUrl);
    await page.getByRole('button', { name: 'Agents', exact: true }).click();
    await page.getByLabel('Agent base URL').fill(foreign.url);
    await page.getByLabel('Custom headers').fill('X-Api-Key: e2e-secret');
    await page.getByRole('button', { name: 'Add agent' }).click();
    const consent = page.getByTestId('header-origin');
    await expect(consent).toHaveAttribute('data-allowed', 'false');
    await expect(consent).toContainText(new URL(other.url).origin);

    await page.getByLabel('Message').fill('ok');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('were entered for');
    expect(other.seen).toHaveLength(0);

    await consent.getByRole('button', { name: /Allow them on/ }).click();
    await expect(consent).toHaveAttribute('data-allowed', 'true');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => other.seen[0]?.headers['x-api-key']).toBe('e2e-secret');
  } finally {
    await foreign.close();
    await other.close();
  }
});
