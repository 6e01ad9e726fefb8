// The JSON body viewer is CodeMirror 6, read-only, under the app's CSP: folding, class-based
// highlighting, search and the JSON path of the cursor; no console error (a CSP violation would
// be one); the text and hex views stay.
import { expect, test } from './serve-fixture';

test('JSON body: fold, search, cursor path, read-only, CSP intact', async ({ page, sb }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const body = JSON.stringify({ taskId: 'cm-1', items: [{ name: 'first' }, { name: 'needle' }] });
  await fetch(sb.receiverUrl.replace(/\/$/, '') + '/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await page.goto(sb.uiUrl);
  await page.getByTestId('capture-row').first().click();
  const viewer = page.getByTestId('body-text');
  await expect(viewer.locator('.cm-editor')).toBeVisible();
  await expect(viewer.locator('.tok-propertyName').first()).toBeVisible();
  await expect(viewer.locator('.cm-foldGutter')).toBeVisible();

  // Click into "needle": the path of the cursor is shown.
  await viewer.getByText('"needle"').click();
  await expect(page.getByTestId('json-path')).toHaveText('Cursor at $.items[1].name');

  // Read-only: typing changes nothing.
  await page.keyboard.type('zzz');
  await expect(viewer).not.toContainText('zzz');

  // Search panel.
  await page.keyboard.press('Control+f');
  await expect(viewer.locator('.cm-search')).toBeVisible();
  await page.keyboard.press('Escape');

  // Fold the root object: the items disappear from view.
  await viewer.locator('.cm-foldGutter span[title="Fold line"]').first().click();
  await expect(viewer).not.toContainText('needle');

  // Text and hex views stay.
  await page.getByRole('button', { name: 'HEX', exact: true }).click();
  await expect(page.getByTestId('body-text')).toContainText('7b');
  expect(errors).toEqual([]);
});

test('a JSON body over 1 MiB opens with plain text (no highlighting or folding) and still searches', async ({
  page,
  sb,
}) => {
  const items = Array.from({ length: 30_000 }, (_, i) => ({
    id: i,
    name: `item-${i}`,
    pad: 'x'.repeat(40),
  }));
  const body = JSON.stringify({ taskId: 'cm-large', items, last: 'needle-at-the-end' });
  expect(body.length).toBeGreaterThan(1024 * 1024);
  await fetch(sb.receiverUrl.replace(/\/$/, '') + '/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await page.goto(sb.uiUrl);
  await page.getByTestId('capture-row').first().click();
  const viewer = page.getByTestId('body-text');
  await expect(viewer.locator('.cm-editor')).toBeVisible();
  await expect(page.getByTestId('json-path')).toHaveText(
    'Highlighting and folding are off above 1 MiB.',
  );
  await expect(viewer.locator('.tok-propertyName')).toHaveCount(0);
  await expect(viewer.locator('.cm-foldGutter')).toHaveCount(0);
  // CodeMirror draws only the visible lines: the DOM stays small for a 2 MiB body.
  expect(await viewer.locator('.cm-line').count()).toBeLessThan(200);
  await viewer.locator('.cm-content').click();
  await page.keyboard.press('Control+f');
  await expect(viewer.locator('.cm-search')).toBeVisible();
});

test('the JSON viewer loads with the first JSON body, not with the app', async ({ page, sb }) => {
  const chunks: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) chunks.push(new URL(r.url()).pathname);
  });
  await fetch(sb.receiverUrl.replace(/\/$/, '') + '/webhook', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ taskId: 'lazy-1', status: 'completed' }),
  });
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('capture-row').first()).toContainText('lazy-1');
  const viewerChunk = (path: string) => /\/CodeViewer-[\w-]+\.js$/.test(path);
  expect(chunks.filter(viewerChunk)).toEqual([]);

  await page.getByTestId('capture-row').first().click();
  await expect(page.getByTestId('body-text').locator('.cm-editor')).toBeVisible();
  await expect(page.getByTestId('body-text')).toContainText('"lazy-1"');
  expect(chunks.filter(viewerChunk)).toHaveLength(1);
});
