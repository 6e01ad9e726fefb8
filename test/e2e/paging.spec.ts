// The list is virtualized and paged from the store: only visible rows exist in the DOM, and
// scrolling to the end loads older captures page by page.
import { expect, sendWebhook, sendWebhooks, test } from './serve-fixture';

test('virtualized list pages older captures while scrolling', async ({ page, sb }) => {
  const secret = await sb.webhookSecret();
  await sendWebhooks(sb.receiverUrl, { prefix: 'task-page', total: 450, secret, batch: 50 });
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('capture-count')).toHaveText('450 captures');
  await expect(page.locator('.filters-count')).toHaveText('200+ shown');
  expect(await page.getByTestId('capture-row').count()).toBeLessThan(80);

  const list = page.getByTestId('capture-list');
  await expect(async () => {
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(page.locator('.filters-count')).toHaveText('450 shown', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  expect(await page.getByTestId('capture-row').count()).toBeLessThan(80);
  await expect(page.getByTestId('capture-row').last()).toContainText('task-page-');

  // Scrolled into history, live captures must not move the rows under the reader's eyes.
  await list.evaluate((el) => (el.scrollTop = 100 * 32));
  const rowAtTop = () =>
    list.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 200, r.top + 5)?.closest('[data-id]');
      return hit?.getAttribute('data-id') ?? null;
    });
  await expect.poll(rowAtTop).not.toBeNull();
  const before = await rowAtTop();
  for (let i = 0; i < 3; i++)
    await sendWebhook(sb.receiverUrl, { taskId: `task-live-${i}`, secret });
  await expect(page.getByTestId('capture-count')).toHaveText('453 captures');
  await expect(page.locator('.filters-count')).toHaveText('453 shown');
  expect(await rowAtTop()).toBe(before);

  // ...and keep their elements: the window moves with its rows in the render that prepends
  // (a render at the old window first would unmount rows and mount them again).
  const tagRows = () =>
    list.evaluate((el) => {
      const w = window as unknown as { __rowNodes: Map<string, Element> };
      w.__rowNodes = new Map();
      for (const row of el.querySelectorAll('[data-testid=capture-row]'))
        w.__rowNodes.set(row.getAttribute('data-id') ?? '', row);
      return w.__rowNodes.size;
    });
  const remounted = () =>
    list.evaluate((el) => {
      const w = window as unknown as { __rowNodes: Map<string, Element> };
      const rows = [...el.querySelectorAll('[data-testid=capture-row]')];
      return rows.filter((row) => {
        const tagged = w.__rowNodes.get(row.getAttribute('data-id') ?? '');
        return tagged !== undefined && tagged !== row;
      }).length;
    });
  expect(await tagRows()).toBeGreaterThan(20);
  for (let i = 3; i < 6; i++)
    await sendWebhook(sb.receiverUrl, { taskId: `task-live-${i}`, secret });
  await expect(page.getByTestId('capture-count')).toHaveText('456 captures');
  expect(await remounted()).toBe(0);
  expect(await rowAtTop()).toBe(before);

  // Captures deleted between the head and the view: the rows in view stay put as well (the
  // store counts removed rows above the view's first row, not only above the head).
  const newest = await sb.api<{ items: { id: number }[] }>('/api/captures?limit=20');
  for (const { id } of newest.items.slice(10, 13))
    await sb.api(`/api/captures/${id}`, { method: 'DELETE' });
  await expect(page.getByTestId('capture-count')).toHaveText('453 captures');
  await expect(page.locator('.filters-count')).toHaveText('453 shown');
  expect(await rowAtTop()).toBe(before);
});

// Deep in history the window drops its newest rows to stay bounded (WINDOW_MAX in
// captures-window.ts). The rows in view must stay put when that happens: before, the view kept
// its offset, showed rows 200 older, was near the end again, paged again, and ran away to the
// oldest capture. The older page is held back, so the row in view is read before it arrives.
// Scrolling back up pages the newest rows back in, the same way.
test('paging past the window bound drops the newest rows and pages them back, rows in view kept', async ({
  page,
  sb,
}) => {
  const secret = await sb.webhookSecret();
  await sendWebhooks(sb.receiverUrl, { prefix: 'task-deep', total: 2300, secret });
  await page.goto(sb.uiUrl);
  await expect(page.getByTestId('capture-count')).toHaveText('2,300 captures');
  const list = page.getByTestId('capture-list');
  const shown = page.locator('.filters-count');
  await expect(async () => {
    await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(shown).toHaveText('2,000+ shown', { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  await page.route(
    (url) => url.pathname === '/api/captures' && url.searchParams.has('cursor'),
    async (route) => {
      asked = true;
      await held;
      await route.continue();
    },
  );
  const rowAtTop = () =>
    list.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 200, r.top + 5)?.closest('[data-id]');
      return hit?.getAttribute('data-id') ?? null;
    });
  // Near the end of the window: the list asks for the next older page.
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight - el.clientHeight - 320));
  await expect.poll(() => asked).toBe(true);
  const before = await rowAtTop();
  expect(before).not.toBeNull();
  release();
  await expect(page.getByText('Showing older captures')).toBeVisible();
  await expect(shown).toHaveText('2,000+ shown');
  expect(await rowAtTop()).toBe(before);

  // Back up: near the start of the window the list pages the newer captures back in, above
  // the rows in view, which stay put (the view moves down by the 200 rows put above it).
  let releaseNewer = () => {};
  const heldNewer = new Promise<void>((resolve) => (releaseNewer = resolve));
  let askedNewer = false;
  await page.route(
    (url) => url.pathname === '/api/captures' && url.searchParams.get('order') === 'oldest',
    async (route) => {
      askedNewer = true;
      await heldNewer;
      await route.continue();
    },
  );
  // At the very top of the window: that is not the newest, so the view moves with the rows.
  await list.evaluate((el) => (el.scrollTop = 0));
  await expect.poll(() => askedNewer).toBe(true);
  const beforeNewer = await rowAtTop();
  releaseNewer();
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(200 * 32);
  expect(await rowAtTop()).toBe(beforeNewer);

  // ...up to the newest, after which live captures show again.
  await expect(async () => {
    await list.evaluate((el) => (el.scrollTop = 0));
    await expect(page.getByText('Showing older captures')).toBeHidden({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await list.evaluate((el) => (el.scrollTop = 0));
  const newest = await sb.api<{ items: { id: number }[] }>('/api/captures?limit=1');
  await expect.poll(rowAtTop).toBe(String(newest.items[0]?.id));
  await sendWebhook(sb.receiverUrl, { taskId: 'task-after-paging', secret });
  await expect(page.getByTestId('capture-row').first()).toContainText('task-after-paging');
});

// Live captures re-render what shows them (the list, the counts), not the filter bar or the
// view around the list: that re-render is work no frame needs (docs/performance.md). React stores each element's current
// props on the element (`__reactProps$…`) and replaces that object whenever the component that
// renders the element runs again, so its identity tells whether the owner re-rendered.
test('live captures re-render the count, not the filter bar', async ({ page, sb }) => {
  const secret = await sb.webhookSecret();
  await sendWebhook(sb.receiverUrl, { taskId: 'task-render-0', secret });
  await page.goto(sb.uiUrl);
  await expect(page.locator('.filters-count')).toHaveText('1 shown');
  const probe = (selector: string) =>
    page.locator(selector).evaluate((el, sel) => {
      const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
      if (!key) throw new Error(`no React props on ${sel}`);
      const w = window as unknown as { __props?: Map<string, unknown> };
      const seen = (w.__props ??= new Map());
      const now = (el as unknown as Record<string, unknown>)[key];
      const same = seen.get(sel) === now;
      seen.set(sel, now);
      return same;
    }, selector);
  await probe('[data-testid=search]');
  await probe('.filters-count');
  await probe('.list-header');
  for (let i = 1; i <= 3; i++)
    await sendWebhook(sb.receiverUrl, { taskId: `task-render-${i}`, secret });
  await expect(page.locator('.filters-count')).toHaveText('4 shown');
  await expect(page.getByTestId('capture-count')).toHaveText('4 captures');
  expect(await probe('.filters-count')).toBe(false); // the probe sees a re-render
  expect(await probe('[data-testid=search]')).toBe(true);
  expect(await probe('.list-header')).toBe(true);
});

// The list's scroll and resize listeners stay subscribed while live captures change the row
// count: re-adding them per batch built a new ResizeObserver, whose first notification ran
// after layout, on every batch (docs/performance.md, seventh session).
test('live captures keep the list listeners: no new ResizeObserver per batch', async ({
  page,
  sb,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __observers: number };
    w.__observers = 0;
    const Original = window.ResizeObserver;
    window.ResizeObserver = class extends Original {
      constructor(cb: ResizeObserverCallback) {
        super(cb);
        w.__observers++;
      }
    };
  });
  const secret = await sb.webhookSecret();
  await sendWebhook(sb.receiverUrl, { taskId: 'task-observe-0', secret });
  await page.goto(sb.uiUrl);
  await expect(page.locator('.filters-count')).toHaveText('1 shown');
  const observers = () =>
    page.evaluate(() => (window as unknown as { __observers: number }).__observers);
  const before = await observers();
  for (let i = 1; i <= 3; i++) {
    await sendWebhook(sb.receiverUrl, { taskId: `task-observe-${i}`, secret });
    await expect(page.locator('.filters-count')).toHaveText(`${i + 1} shown`);
  }
  expect(await observers()).toBe(before);
});

// A stream of live captures renders in batches at least MIN_FLUSH_GAP_MS (50 ms) apart: each
// render costs the page about the same for one row or ten, so a steady stream must not render
// once per webhook (docs/performance.md, eighth session). Every capture still shows.
test('a stream of live captures renders in batches 50 ms apart, none lost', async ({
  page,
  sb,
}) => {
  const secret = await sb.webhookSecret();
  await sendWebhook(sb.receiverUrl, { taskId: 'task-stream-0', secret });
  await page.goto(sb.uiUrl);
  await expect(page.locator('.filters-count')).toHaveText('1 shown');
  await page.locator('.filters-count').evaluate((el) => {
    const w = window as unknown as { __renders: number[] };
    w.__renders = [];
    new MutationObserver(() => w.__renders.push(performance.now())).observe(el, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  const sent = 40;
  for (let i = 1; i <= sent; i++) {
    await sendWebhook(sb.receiverUrl, { taskId: `task-stream-${i}`, secret });
    await new Promise((r) => setTimeout(r, 10));
  }
  await expect(page.locator('.filters-count')).toHaveText(`${sent + 1} shown`);
  const renders = await page.evaluate(
    () => (window as unknown as { __renders: number[] }).__renders,
  );
  // One MutationObserver callback per render of the count (its text changes in one commit).
  // Timed at the commit's end, so a gap is 50 ms plus the difference of two renders' durations,
  // which a loaded machine stretches (43.9 ms seen in CI); the old batcher renders 9.7 ms apart.
  const gaps = renders.slice(1).map((t, i) => t - renders[i]!);
  expect(renders.length).toBeLessThan(sent);
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(30);
});
