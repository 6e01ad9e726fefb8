// Receiver response rules: answer matching requests with a chosen status, delay and body, or
// fail only the next N of them, so a user can watch an agent's retries and backoff. Ordered,
// first match wins. The receiver still stores every capture; rules change only the answer.
// Invariant: one rule set per engine (built once in its context), shared by receiver and API.
import { randomUUID } from 'node:crypto';
import { responseRuleInput, type ResponseRuleInput } from '../../../../shared/api/captures';
import type { ResponseRule, RuleAnswer } from '../../../../shared/model';
import type { Db } from '../../store/open-store';

export interface RuleResponse {
  status: number;
  delayMs: number;
  body: string;
  retryAfter?: string | undefined;
  /** Which rule answered, as it stood before this match consumed a count. */
  rule: RuleAnswer;
}

/** A short name for a rule: "fail next 2" (count left before this match) or "POST /hook* → 500". */
export function ruleLabel(rule: ResponseRule): string {
  if (rule.failNext !== null) return `fail next ${rule.failNext}`;
  const method = rule.method === '*' ? 'any' : rule.method;
  return `${method} ${rule.path} → ${rule.status}`;
}

export interface ResponseRules {
  list(): ResponseRule[];
  /** Replaces all rules (validated); returns them with ids filled in. */
  set(rules: ResponseRuleInput[]): ResponseRule[];
  /** The answer for this request, or null. Consumes one count of a `failNext` rule. */
  match(method: string, path: string): RuleResponse | null;
  /** Called after set() and after a failNext count is consumed. */
  onChange(listener: (rules: ResponseRule[]) => void): () => void;
}

interface Compiled {
  rule: ResponseRule;
  pattern: RegExp;
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

export function createResponseRules(opts: { db?: Db } = {}): ResponseRules {
  const { db } = opts;
  const listeners = new Set<(rules: ResponseRule[]) => void>();
  let compiled: Compiled[] = [];

  const snapshot = () => compiled.map((c) => ({ ...c.rule }));
  const notify = () => {
    const rules = snapshot();
    for (const l of listeners) l(rules);
  };
  const load = (rules: ResponseRuleInput[]): void => {
    compiled = rules.map((input) => {
      const parsed = responseRuleInput.parse(input);
      const rule: ResponseRule = { ...parsed, id: parsed.id ?? randomUUID() };
      rule.method = rule.method.toUpperCase();
      return { rule, pattern: globToRegExp(rule.path) };
    });
  };
  const saveRule = db?.prepare('UPDATE response_rules SET rule = ? WHERE position = ?');
  const persistAll = () => {
    if (!db) return;
    db.transaction(() => {
      db.prepare('DELETE FROM response_rules').run();
      const insert = db.prepare('INSERT INTO response_rules (position, rule) VALUES (?, ?)');
      compiled.forEach((c, i) => insert.run(i, JSON.stringify(c.rule)));
    })();
  };

  if (db) {
    const rows = db.prepare('SELECT rule FROM response_rules ORDER BY position').all() as {
      rule: string;
    }[];
    try {
      load(rows.map((r) => JSON.parse(r.rule) as ResponseRuleInput));
    } catch {
      // A rule saved by an older version that no longer validates: start without rules
      // rather than refusing to run the receiver.
      compiled = [];
    }
  }

  return {
    list: snapshot,
    set(rules) {
      load(rules);
      persistAll();
      notify();
      return snapshot();
    },
    match(method, path) {
      const verb = method.toUpperCase();
      const index = compiled.findIndex(
        (c) =>
          (c.rule.method === '*' || c.rule.method === verb) &&
          (c.rule.failNext === null || c.rule.failNext > 0) &&
          c.pattern.test(path),
      );
      const hit = compiled[index];
      if (!hit) return null;
      const { status, delayMs, body, retryAfter } = hit.rule;
      const answer: RuleAnswer = {
        ruleId: hit.rule.id,
        position: index + 1,
        label: ruleLabel(hit.rule),
      };
      if (hit.rule.failNext !== null) {
        hit.rule.failNext -= 1;
        saveRule?.run(JSON.stringify(hit.rule), index);
        notify();
      }
      return { status, delayMs, body, rule: answer, ...(retryAfter ? { retryAfter } : {}) };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
