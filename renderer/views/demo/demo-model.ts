// Pure logic of the Demo agents screen: the card summary (agent data read defensively, shown as
// text), the "try it" curl, the success rate in words, and the rules editor's draft
// (numbers edited as strings, validated here before setResponseRules).
import type { DeliveryStats, DemoAgentName, ResponseRule } from '../../../shared/model';
import type { ResponseRuleInput } from '../../../shared/api/captures';

export interface CardSummary {
  name: string;
  version: string;
  description: string;
  capabilities: string[];
  skills: { name: string; description: string }[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const rec = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

export function cardSummary(card: Record<string, unknown>): CardSummary {
  const caps = rec(card.capabilities);
  const skills = Array.isArray(card.skills) ? card.skills.map(rec) : [];
  return {
    name: str(card.name),
    version: str(card.version),
    description: str(card.description),
    capabilities: Object.keys(caps).filter((k) => caps[k] === true),
    skills: skills.map((s) => ({
      name: str(s.name) || str(s.id),
      description: str(s.description),
    })),
  };
}

/** The tutorial's first message for each agent: a long task (webhook at the end). */
export const TRY_TEXT: Record<DemoAgentName, string> = {
  long: 'Run a long machine learning task',
  enterprise: 'Run secure data processing',
};

export { tryItCurl, tutorialRequest } from '../../../shared/tutorial-request';

export function formatRate(stats: DeliveryStats): string {
  if (stats.successRate === null) return 'no finished delivery yet';
  return `${Math.round(stats.successRate * 1000) / 10}% delivered (${stats.delivered}/${stats.deliveries})`;
}

export type RuleDraft = Record<
  'method' | 'path' | 'status' | 'delayMs' | 'body' | 'failNext',
  string
> & {
  id?: string;
};

export const newRuleDraft = (): RuleDraft => ({
  method: '*',
  path: '/webhook',
  status: '500',
  delayMs: '0',
  body: '',
  failNext: '1',
});

export function toRuleDraft(r: ResponseRule): RuleDraft {
  return {
    id: r.id,
    method: r.method,
    path: r.path,
    status: String(r.status),
    delayMs: String(r.delayMs),
    body: r.body,
    failNext: r.failNext === null ? '' : String(r.failNext),
  };
}

const intIn = (s: string, min: number, max: number): number | null => {
  const n = Number(s.trim());
  return s.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/** The rule input, or the first problem in words (rule numbers are 1-based). */
export function fromRuleDrafts(drafts: RuleDraft[]): ResponseRuleInput[] | string {
  const out: ResponseRuleInput[] = [];
  for (const [i, d] of drafts.entries()) {
    const at = `Rule ${i + 1}:`;
    const method = d.method.trim() || '*';
    if (!/^(\*|[A-Za-z]+)$/.test(method)) return `${at} method is * or a verb such as POST`;
    if (!d.path.startsWith('/')) return `${at} path must start with /`;
    const status = intIn(d.status, 100, 599);
    if (status === null) return `${at} status must be a whole number from 100 to 599`;
    const delayMs = intIn(d.delayMs || '0', 0, 120_000);
    if (delayMs === null) return `${at} delay must be 0 to 120000 ms`;
    const failNext = d.failNext.trim() === '' ? null : intIn(d.failNext, 0, 1_000_000);
    if (failNext === null && d.failNext.trim() !== '')
      return `${at} "fail next" is empty (always) or a count`;
    out.push({
      ...(d.id ? { id: d.id } : {}),
      method,
      path: d.path,
      status,
      delayMs,
      body: d.body,
      failNext,
    });
  }
  return out;
}
