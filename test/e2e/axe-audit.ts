// axe-core run for the e2e specs: the critical and serious violations on the page as it is,
// one entry per rule with a sample of why, so a spec can require none.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export interface Finding {
  screen: string;
  rule: string;
  impact: string;
  nodes: number;
  sample: string;
}

export async function audit(page: Page, screen: string): Promise<Finding[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => ({
      screen,
      rule: v.id,
      impact: v.impact ?? '',
      nodes: v.nodes.length,
      sample: v.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') ?? '',
    }));
}
