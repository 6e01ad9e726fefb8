// Loading the app and visiting every screen logs no console error and throws nothing; there is
// exactly one favicon and it loads. Without the token a browser gets a page that says how to get
// the UI address again (not raw JSON).
import { expect, test } from './serve-fixture';

test('no console errors on load or on any screen; one favicon', async ({ page, sb }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'open');
  const nav = page.getByRole('navigation', { name: 'Views' });
  for (const name of await nav.getByRole('button').allInnerTexts()) {
    await nav.getByRole('button', { name, exact: true }).click();
    await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
  }
  await expect(page.locator('link[rel~=icon]')).toHaveCount(1);
  const href = await page.locator('link[rel~=icon]').getAttribute('href');
  const icon = await page.request.get(new URL(href!, page.url()).href);
  expect(icon.status()).toBe(200);
  expect(errors).toEqual([]);
  expect(failed).toEqual([]);
});

test('without the token the browser gets a page explaining how to get the address', async ({
  browser,
  sb,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const res = await page.goto(sb.baseUrl + '/');
  expect(res?.status()).toBe(401);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Switchboard needs its access token',
  );
  await expect(page.locator('body')).toContainText('npm run serve');
  // API clients still get JSON.
  const api = await page.request.get(sb.baseUrl + '/api/health');
  expect(api.status()).toBe(401);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  await context.close();
});
