// Keyboard-only use of the captures screen: the list is one Tab stop (a listbox with
// aria-activedescendant), arrows/Home/End move, Enter opens, Escape closes, Space and Shift+arrows
// mark for bulk actions, the verdict filter is one Tab stop with arrow keys, `?` lists the keys.
import { expect, sendWebhook, test } from './serve-fixture';

test('the captures list works from the keyboard alone', async ({ page, sb }) => {
  for (const taskId of ['kb-1', 'kb-2', 'kb-3', 'kb-4'])
    await sendWebhook(sb.receiverUrl, { taskId });
  await page.goto(sb.uiUrl);
  const rows = page.getByTestId('capture-row');
  await expect(rows).toHaveCount(4);
  const list = page.getByRole('listbox', { name: 'Captures, newest first' });
  await list.focus();
  await expect(list).toBeFocused();

  const activeTask = async () => {
    const id = await list.getAttribute('aria-activedescendant');
    return id ? page.locator(`#${id}`).locator('.cell-task').textContent() : null;
  };
  await page.keyboard.press('ArrowDown');
  await expect.poll(activeTask).toBe('task kb-4');
  await page.keyboard.press('End');
  await expect.poll(activeTask).toBe('task kb-1');
  await page.keyboard.press('Home');
  await expect.poll(activeTask).toBe('task kb-4');
  await page.keyboard.press('ArrowDown');
  await expect.poll(activeTask).toBe('task kb-3');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('detail')).toBeVisible();
  await expect(list.getByRole('option', { selected: true })).toContainText('kb-3');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('detail')).toHaveCount(0);

  // Marking: Space marks the cursor row, Shift+Down extends the range.
  await list.focus();
  await page.keyboard.press(' ');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.locator('[data-testid=capture-row][data-marked=true]')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.locator('[data-testid=capture-row][data-marked=true]')).toHaveCount(0);

  // The verdict radio group: one Tab stop, arrows change the filter.
  const all = page.getByTestId('verdict-filter-all');
  await all.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('verdict-filter-valid')).toBeFocused();
  await expect(page.getByTestId('verdict-filter-valid')).toHaveAttribute('aria-checked', 'true');
  await expect(all).toHaveAttribute('tabindex', '-1');
  await page.keyboard.press('End');
  await expect(page.getByTestId('verdict-filter-unverified')).toBeFocused();
  await expect(rows).toHaveCount(4);

  // `?` opens the shortcut sheet; Escape closes it.
  await page.locator('body').press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Mark a range');
  await expect(sheet).toContainText('Undo');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await page.getByTestId('open-shortcuts').click();
  await expect(sheet).toBeVisible();
  await page.getByTestId('shortcut-close').click();
  await expect(sheet).toBeHidden();
});
