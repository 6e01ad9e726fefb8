// Replay in a real browser against browser mode: open a capture, replay it exact (bytes arrive
// identical at a local target) and re-signed (fresh valid signature, changes listed), then run
// the handler report against a naive handler and see which attacks got through.
import { createHash, createHmac } from 'node:crypto';
import { startJudgingServer, type FixtureReceiver } from '../fixtures/strict-receiver';
import { startNaiveReceiver } from '../fixtures/naive-receiver';
import { expect, sendWebhook, test } from './serve-fixture';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

test('replay exact and re-signed from the detail, then a handler report', async ({ page, sb }) => {
  let target: FixtureReceiver | null = null;
  let naive: FixtureReceiver | null = null;
  try {
    target = await startJudgingServer(() => ({ status: 202, reason: 'ok' }));
    const secret = await sb.webhookSecret();
    naive = await startNaiveReceiver({ webhookSecret: secret, jwtSecret: 'unused' });
    await sendWebhook(sb.receiverUrl, { taskId: 'task-replay', secret });

    await page.goto(sb.uiUrl);
    await page.getByTestId('capture-row').first().click();
    const panel = page.getByTestId('replay-panel');
    await panel.getByTestId('replay-target').fill(target.url);
    await panel.getByTestId('replay-send').click();
    await expect(panel.getByTestId('replay-result')).toContainText('HTTP 202');
    const [capture] = (await sb.api<{ items: { id: number }[] }>('/api/captures')).items;
    const original = new Uint8Array(
      await (
        await fetch(new URL(`/api/captures/${capture!.id}/body`, sb.uiUrl), {
          headers: { authorization: `Bearer ${sb.token}` },
        })
      ).arrayBuffer(),
    );
    expect(sha(target.received[0]!.body)).toBe(sha(original));

    await panel.getByTestId('replay-mode').selectOption('resigned');
    await panel.getByTestId('replay-send').click();
    await expect(panel.getByTestId('replay-result')).toContainText('HTTP 202');
    await expect.poll(() => target!.received.length).toBe(2);
    const got = target.received[1]!;
    const sig = got.rawHeaders[got.rawHeaders.findIndex((h) => /^x-a2a-signature$/i.test(h)) + 1];
    expect(sig).toBe(`sha256=${createHmac('sha256', secret).update(got.body).digest('hex')}`);
    await expect(panel.getByTestId('replay-history').locator('tr')).toHaveCount(2);
    // The app's one time format: 24 h with milliseconds.
    await expect(
      panel.getByTestId('replay-history').locator('tr').first().locator('td').nth(1),
    ).toHaveText(/^\d\d:\d\d:\d\d\.\d{3}$/);

    // Edited: the diff shows before sending; the edited bytes arrive, re-signed.
    await panel.getByTestId('replay-mode').selectOption('edited');
    const editor = panel.locator('textarea').first();
    await editor.fill((await editor.inputValue()).replace('"completed"', '"failed"'));
    await expect(panel.getByTestId('edit-diff')).toContainText('$.status');
    await panel.getByTestId('replay-send').click();
    await expect.poll(() => target!.received.length).toBe(3);
    expect(target.received[2]!.body.toString()).toContain('"failed"');
    await expect(panel.getByTestId('replay-history').locator('tr')).toHaveCount(3);

    // A single attack is judged by the answer: the accept-everything target takes it = vulnerable.
    await panel.getByTestId('replay-mode').selectOption('attack');
    await panel.getByTestId('replay-attack').selectOption('tampered-byte');
    await panel.getByTestId('replay-send').click();
    await expect(panel.getByTestId('replay-judgement')).toHaveAttribute(
      'data-verdict',
      'VULNERABLE',
    );
    await expect(panel.getByTestId('replay-judgement')).toContainText('must be refused');
    // An error replaces the previous result and names the control to use.
    await panel.getByTestId('replay-target').fill('http://192.0.2.1/hook');
    await panel.getByTestId('replay-send').click();
    await expect(panel.getByTestId('replay-error')).toContainText(
      'tick “The target may be off this machine”',
    );
    await expect(panel.getByTestId('replay-result')).toHaveCount(0);

    // The toolbar's "Handler report…" opens the Replay screen on this capture: no typed id.
    await page.getByTestId('toolbar-report').click();
    await expect(page.getByTestId('report-capture')).toContainText(`#${capture!.id}`);
    await page.getByTestId('report-target').fill(naive.url);
    await page.getByTestId('report-run').click();
    await expect(page.getByTestId('report-summary')).toContainText('VULNERABLE');
    await expect(page.getByTestId('report-row-valid-resigned')).toContainText('ok');
    await expect(page.getByTestId('report-row-signature-removed')).toContainText('VULNERABLE');
    await expect(page.getByTestId('report-row-tampered-byte')).toContainText('secure');
    await page.screenshot({ path: 'test/e2e/__screenshots__/08-handler-report.png' });
  } finally {
    await target?.close();
    await naive?.close();
  }
});

test('marked captures feed bulk replay and HAR export; missing ids are skipped and named', async ({
  page,
  sb,
}) => {
  let target: FixtureReceiver | null = null;
  try {
    target = await startJudgingServer(() => ({ status: 200, reason: 'ok' }));
    for (const taskId of ['bulk-1', 'bulk-2', 'bulk-3'])
      await sendWebhook(sb.receiverUrl, { taskId });
    await page.goto(sb.uiUrl);
    const rows = page.getByTestId('capture-row');
    await expect(rows).toHaveCount(3);
    await rows.nth(0).click();
    await rows.nth(1).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('marked-count')).toHaveText('2 marked');
    const ids = (await sb.api<{ items: { id: number }[] }>('/api/captures')).items.map((c) => c.id);

    // HAR of the marked rows after one of them was deleted elsewhere: exported, and said so.
    await fetch(new URL(`/api/captures/${ids[1]}`, sb.uiUrl), {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sb.token}` },
    });
    await page.getByTestId('replay-marked').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('har-export').click();
    await download;
    await expect(page.getByTestId('har-message')).toHaveText(
      `Exported 1 capture as HAR. Skipped 1 that no longer exist (#${ids[1]}).`,
    );

    // Bulk replay of the chosen captures: the one left arrives at the target.
    const bulk = page.getByTestId('bulk-replay');
    await bulk.getByLabel(/Target/).fill(target.url);
    await bulk.getByTestId('bulk-start').click();
    // Generous timeout: the machine is shared; the counts below still prove what happened.
    await expect(bulk.getByTestId('bulk-progress')).toContainText('finished', { timeout: 30_000 });
    await expect(bulk.getByTestId('bulk-progress')).toContainText('1 ok · 1 failed');
    expect(target.received).toHaveLength(1);
  } finally {
    await target?.close();
  }
});
