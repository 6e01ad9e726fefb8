// Agent data is data: a webhook whose path, header values, body and JWT claims carry markup and
// script payloads must show them as literal text and run nothing.
import { request } from 'node:http';
import { expect, test } from './serve-fixture';

const PATH_PAYLOAD = '/xss/<img/src=x/onerror=window.__xss=1;alert(1)>';
const HEADER_PAYLOAD = '<img src=x onerror="window.__xss=3;alert(3)">';
const TASK_PAYLOAD = '<script>window.__xss=2</script>';
const BODY = JSON.stringify({
  taskId: TASK_PAYLOAD,
  message: '<script>window.__xss=5;alert(5)</script>',
  preview: '<img src=x onerror=alert(6)><svg onload=alert(7)>',
});

function b64url(obj: unknown): string {
  return Buffer.from(JSON.stringify(obj)).toString('base64url');
}

/** node:http sends the path verbatim (fetch would percent-encode the angle brackets). */
function sendRaw(receiverUrl: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(receiverUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: 'POST', path: PATH_PAYLOAD, headers },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

test('markup in path, headers, body and JWT claims renders as text and runs nothing', async ({
  page,
  sb,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('empty-state')).toBeVisible();

  const nowSec = Math.floor(Date.now() / 1000);
  const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({
    iss: '<img src=x onerror=alert(8)>',
    iat: nowSec - 480,
    exp: nowSec - 180,
  })}.c2lnbmF0dXJl`;
  const status = await sendRaw(sb.receiverUrl, {
    'content-type': 'application/json',
    'x-a2a-task-id': TASK_PAYLOAD,
    'x-evil': HEADER_PAYLOAD,
    authorization: `Bearer ${jwt}`,
  });
  expect(status).toBe(200);

  const row = page.getByTestId('capture-row').first();
  await expect(row).toContainText(PATH_PAYLOAD);
  await expect(row).toContainText(TASK_PAYLOAD);
  await row.click();
  await expect(page.getByTestId('detail-path')).toHaveText(PATH_PAYLOAD);
  await expect(page.getByTestId('headers')).toContainText(HEADER_PAYLOAD);
  await expect(page.getByTestId('body-text')).toContainText(
    '<script>window.__xss=5;alert(5)</script>',
  );
  await expect(page.getByTestId('jwt')).toContainText('<img src=x onerror=alert(8)>');
  // Decoded times: local time plus "expired 3 min ago".
  await expect(page.getByTestId('jwt-exp-note')).toContainText('expired 3 min ago');
  await page.screenshot({ path: 'test/e2e/__screenshots__/06-xss-as-text.png', fullPage: false });

  const injected = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss,
    imgs: document.querySelectorAll('img').length,
    svgs: document.querySelectorAll('svg').length,
    scripts: Array.from(document.scripts).filter((s) => !s.src).length,
  }));
  expect(injected).toEqual({ flag: undefined, imgs: 0, svgs: 0, scripts: 0 });
  expect(dialogs).toEqual([]);
});
