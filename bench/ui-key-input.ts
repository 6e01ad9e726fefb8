// Key input to next paint in the captures list, the way Interaction to Next Paint counts it: from
// the keydown event's own timestamp (taken by the browser when the input arrived, so time queued
// behind a busy main thread counts) to the end of the frame that painted its effect. The key is
// `j` (the list's cursor moves down one row: a store update and a React render), pressed through
// Playwright (real CDP input events) at random moments relative to the frames.
import type { Page } from '@playwright/test';

export interface KeyInputFigures {
  /** Milliseconds from each keydown's timestamp to the end of its next paint. */
  toPaint: number[];
  presses: number;
  /** The list's active row changed (a check that the keys reached the list). */
  cursorMoved: boolean;
}

export async function measureKeyInput(page: Page, ms: number): Promise<KeyInputFigures> {
  const before = await page.evaluate(() => {
    const w = window as unknown as { __keyPaints: number[]; __keyListener?: true };
    w.__keyPaints = [];
    // Capture phase on window: registered before the app's own keydown listener runs, so the
    // animation frame below is the first one that can paint the cursor's move. Once per page:
    // a second measurement reuses the listener.
    if (!w.__keyListener) {
      w.__keyListener = true;
      window.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'j') return;
          const at = e.timeStamp;
          requestAnimationFrame(() => {
            // A message posted from the frame's rAF callback is handled after that frame's paint.
            const ch = new MessageChannel();
            ch.port1.onmessage = () => w.__keyPaints.push(performance.now() - at);
            ch.port2.postMessage(0);
          });
        },
        { capture: true },
      );
    }
    const list = document.querySelector<HTMLElement>('[data-testid=capture-list]');
    list?.focus();
    return list?.getAttribute('aria-activedescendant') ?? '';
  });
  let presses = 0;
  const end = Date.now() + ms;
  while (Date.now() < end) {
    await page.keyboard.press('j');
    presses++;
    // 20-60 ms apart: a new phase against the 16.7 ms frame each time.
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 40));
  }
  await page.waitForTimeout(100);
  return page.evaluate(
    ([presses, before]) => ({
      toPaint: (window as unknown as { __keyPaints: number[] }).__keyPaints,
      presses,
      cursorMoved:
        (document
          .querySelector('[data-testid=capture-list]')
          ?.getAttribute('aria-activedescendant') ?? '') !== before,
    }),
    [presses, before] as const,
  );
}
