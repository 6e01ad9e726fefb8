// Accessibility gate: axe-core on every screen in light and dark mode, at 1440 and 1024 px wide,
// with real captures in the list and one opened. Critical and serious violations fail the test;
// the counts per screen are printed so before/after figures can be read from the run.
import { audit, type Finding } from './axe-audit';
import { expect, sendWebhook, test } from './serve-fixture';

const SCREENS = ['Captures', 'Agents', 'Demo agents', 'Replay', 'Audit', 'Settings'] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [1440, 1024]) {
    test(`axe: no critical or serious violations (${scheme}, ${width} px)`, async ({
      page,
      sb,
    }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 860 });
      const secret = await sb.webhookSecret();
      await sendWebhook(sb.receiverUrl, { taskId: 'a11y-good', secret });
      await sendWebhook(sb.receiverUrl, { taskId: 'a11y-bad', secret, badSignature: true });
      await sendWebhook(sb.receiverUrl, { taskId: 'a11y-plain' });
      await page.goto(sb.uiUrl);
      const rows = page.getByTestId('capture-row');
      await expect(rows).toHaveCount(3);
      const findings: Finding[] = [...(await audit(page, 'Captures'))];
      await rows.nth(1).click();
      await expect(page.getByTestId('detail')).toBeVisible();
      findings.push(...(await audit(page, 'Captures (detail)')));
      for (const screen of SCREENS.slice(1)) {
        await page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('button', { name: screen, exact: true })
          .click();
        await expect(page.getByRole('button', { name: screen, exact: true })).toHaveAttribute(
          'aria-current',
          'page',
        );
        findings.push(...(await audit(page, screen)));
      }
      const total = findings.reduce((n, f) => n + f.nodes, 0);
      console.log(`[axe ${scheme} ${width}] ${total} critical/serious nodes`);
      for (const f of findings)
        console.log(`  ${f.screen} ${f.impact} ${f.rule} x${f.nodes}: ${f.sample}`);
      expect(findings, JSON.stringify(findings, null, 1)).toEqual([]);
    });
  }
}
