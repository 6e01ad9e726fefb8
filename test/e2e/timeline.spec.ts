// The A2A timeline in a real browser: start the tutorial's Long-Running demo agent, add it by
// URL, send a long task with push (tutorial dialect), watch progress arrive live, disconnect,
// and see the HMAC-signed webhook land on the same timeline with a valid verdict. Everything
// after opening the task is pushed: the page asks for its timeline once.
import type { Page } from '@playwright/test';
import { audit } from './axe-audit';
import { expect, test, type ServeHandle } from './serve-fixture';

/** Starts the Long-Running demo agent (3x speed), opens Agents and adds it by URL. */
async function addLongAgent(page: Page, sb: ServeHandle): Promise<void> {
  const demo = await sb.api<{ url: string }>('/api/demo/agents/long/start', {
    method: 'POST',
    body: JSON.stringify({ port: 0, speed: 3 }),
  });
  await page.goto(sb.uiUrl);
  await page.getByRole('button', { name: 'Agents', exact: true }).click();
  await page.getByLabel('Agent base URL').fill(demo.url);
  await page.getByRole('button', { name: 'Add agent' }).click();
  const agents = page.getByRole('list', { name: 'Agents' });
  await expect(agents.getByRole('button', { name: /Long-Running Task Agent/ })).toBeVisible();
}

/** Adds the agent and sends the long task in a short window with wrapped (taller) rows, so
 *  the list overflows after a few rows with more still to come; answers once it overflows. */
async function overflowingTimeline(page: Page, sb: ServeHandle, height: number) {
  await page.setViewportSize({ width: 1280, height });
  await addLongAgent(page, sb);
  await page.getByLabel('Message').fill('Run a long machine learning task');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('checkbox', { name: 'wrap' }).check();
  const list = page.getByTestId('timeline');
  await expect
    .poll(() => list.evaluate((el) => el.scrollHeight > el.clientHeight), { timeout: 30_000 })
    .toBe(true);
  const atEnd = () => list.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1);
  const scrollHeight = () => list.evaluate((el) => el.scrollHeight);
  return { list, atEnd, scrollHeight };
}

test('long task: live progress, disconnect, webhook with verdict on the same timeline', async ({
  page,
  sb,
}) => {
  await addLongAgent(page, sb);
  await page.getByLabel('Push dialect').selectOption('tutorial');
  await expect(page.getByLabel('Push dialect')).toHaveValue('tutorial');

  await page.getByLabel('Message').fill('Run a long machine learning task');
  await page.getByRole('checkbox', { name: 'push' }).check();
  await page.getByRole('button', { name: 'Send' }).click();

  const rows = page.getByTestId('tl-row');
  await expect(rows.filter({ hasText: 'working' }).first()).toBeVisible();
  await expect(page.getByTestId('stream-status')).toHaveText('streaming');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByTestId('stream-status')).toHaveText('not connected');

  const hook = rows.and(page.locator('[data-source="webhook"]')).first();
  await expect(hook).toBeVisible({ timeout: 30_000 });
  await expect(hook.locator('.badge-valid')).toHaveText('valid');
  await page.screenshot({ path: 'test/e2e/__screenshots__/timeline-webhook.png' });
});

test('the open task gets live frames, webhooks and the follow-up tasks/get pushed, never refetched', async ({
  page,
  sb,
}) => {
  const timelineCalls: string[] = [];
  page.on('request', (r) => {
    if (/\/api\/tasks\/[^/]+\/timeline/.test(r.url())) timelineCalls.push(r.url());
  });
  await addLongAgent(page, sb);
  await page.getByLabel('Push dialect').selectOption('tutorial');
  await page.getByLabel('Message').fill('Run a long machine learning task');
  await page.getByRole('checkbox', { name: 'push' }).check();
  await page.getByRole('button', { name: 'Send' }).click();

  const rows = page.getByTestId('tl-row');
  await expect(rows.filter({ hasText: 'working' }).first()).toBeVisible();
  const opened = timelineCalls.length;
  expect(opened).toBe(1);
  const streamed = await rows.count();
  // Live frames keep coming on the open task; then the disconnect, the signed webhook and the
  // tasks/get it triggers, each pushed by the engine.
  await expect.poll(() => rows.count()).toBeGreaterThan(streamed);
  await page.getByRole('button', { name: 'Disconnect' }).click();
  const hook = rows.and(page.locator('[data-source="webhook"]')).first();
  await expect(hook).toBeVisible({ timeout: 30_000 });
  await expect(hook.locator('.badge-valid')).toHaveText('valid');
  await expect(rows.filter({ hasText: 'tasks/get after webhook' }).last()).toBeVisible({
    timeout: 15_000,
  });
  expect(timelineCalls).toHaveLength(opened);
  expect(await audit(page, 'agents timeline, live')).toEqual([]);
});

// A press on a row of a following timeline: rows that arrive before the release must not scroll
// the pressed row away, or the click lands beside it and selects nothing (seen in CI).
test('following pauses while a row is pressed, so the click selects that row', async ({
  page,
  sb,
}) => {
  const { list, atEnd, scrollHeight } = await overflowingTimeline(page, sb, 640);
  const rows = page.getByTestId('tl-row');
  const pressed = rows.last();
  const box = (await pressed.boundingBox())!;
  const time = await pressed.locator('.tl-time').textContent();
  await page.mouse.move(box.x + 40, box.y + box.height / 2);
  await page.mouse.down();
  const top = await list.evaluate((el) => el.scrollTop);
  const before = await scrollHeight();
  await expect.poll(scrollHeight, { timeout: 30_000 }).toBeGreaterThan(before);
  expect(await list.evaluate((el) => el.scrollTop)).toBe(top);
  await page.mouse.up();
  await expect(page.getByTestId('tl-detail')).toContainText(time ?? '');
  // Released, the list follows again.
  await expect.poll(atEnd).toBe(true);
});

// Following stops when the reader scrolls away from the end (new rows no longer pull the view
// back down) and starts again when they scroll back to it, as log viewers do.
test('scrolling up stops following; scrolling back to the end follows again', async ({
  page,
  sb,
}) => {
  const { list, atEnd, scrollHeight } = await overflowingTimeline(page, sb, 560);
  const follow = page.getByRole('checkbox', { name: 'follow' });

  await list.evaluate((el) => (el.scrollTop = 0));
  await expect(follow).not.toBeChecked();
  let before = await scrollHeight();
  await expect.poll(scrollHeight, { timeout: 30_000 }).toBeGreaterThan(before);
  expect(await list.evaluate((el) => el.scrollTop)).toBe(0);

  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(follow).toBeChecked();
  before = await scrollHeight();
  await expect.poll(scrollHeight, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect.poll(atEnd).toBe(true);
});
