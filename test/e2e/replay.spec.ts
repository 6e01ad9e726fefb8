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
    await expect(panel.getByTestId('replay-result')).toContainText('X-A2A-Signature');
    await expect.poll(() => target!.received.length).toBe(2);
    const got = target.received[1]!;
    const sig = got.rawHeaders[got.rawHeaders.findIndex((h) => /^x-a2a-signature$/i.test(h)) + 1];
    expect(sig).toBe(`sha256=${createHmac('sha256', secret).update(got.body).digest('hex')}`);
    await expect(panel.getByTestId('replay-history').locator('tr')).toHaveCount(2);

    // Edited: the diff shows before sending; the edited bytes arrive, re-signed.
    await panel.getByTestId('replay-mode').selectOption('edited');
    const editor = panel.locator('textarea').first();
    await editor.fill((await editor.inputValue()).replace('"completed"', '"failed"'));
    await expect(panel.getByTestId('edit-diff')).toContainText('$.status');
    await panel.getByTestId('replay-send').click();
    await expect.poll(() => target!.received.length).toBe(3);
    expect(target.received[2]!.body.toString()).toContain('"failed"');
    await expect(panel.getByTestId('replay-history').locator('tr')).toHaveCount(3);

    await page.getByRole('button', { name: 'Replay', exact: true }).first().click();
    await page.getByTestId('report-target').fill(naive.url);
    await page.getByTestId('report-capture').fill(String(capture!.id));
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
