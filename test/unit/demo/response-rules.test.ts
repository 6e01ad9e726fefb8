// Receiver response rules: first match wins, glob paths, method filter, failNext counts down
// and persists in SQLite (migration 2), one shared rule set per database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createResponseRules,
  globToRegExp,
} from '../../../electron/engine/captures/receiver/response-rules';
import { openDatabase, type Db } from '../../../electron/engine/store/open-store';

const dirs: string[] = [];
const dbs: Db[] = [];
function tempDb(dir = mkdtempSync(join(tmpdir(), 'switchboard-rules-'))): Db {
  dirs.push(dir);
  const db = openDatabase(dir);
  dbs.push(db);
  return db;
}

afterEach(() => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('response rules', () => {
  it('matches globs exactly and escapes regex characters', () => {
    expect(globToRegExp('/webhook*').test('/webhook/validate')).toBe(true);
    expect(globToRegExp('/a.b').test('/aXb')).toBe(false);
    expect(globToRegExp('/a.b').test('/a.b')).toBe(true);
    expect(globToRegExp('/x').test('/x/y')).toBe(false);
  });

  it('first match wins, method filter applies, no rule means null', () => {
    const rules = createResponseRules();
    rules.set([
      { method: 'GET', path: '/hook', status: 404 },
      { path: '/hook*', status: 503, delayMs: 5, body: '{"busy":true}' },
    ]);
    const [first, second] = rules.list();
    expect(rules.match('get', '/hook')).toEqual({
      status: 404,
      delayMs: 0,
      body: '',
      rule: { ruleId: first?.id, position: 1, label: 'GET /hook → 404' },
    });
    expect(rules.match('POST', '/hook')).toEqual({
      status: 503,
      delayMs: 5,
      body: '{"busy":true}',
      rule: { ruleId: second?.id, position: 2, label: 'any /hook* → 503' },
    });
    expect(rules.match('POST', '/other')).toBeNull();
    expect(rules.list().every((r) => r.id.length > 0)).toBe(true);
  });

  it('failNext applies to the next N requests, then falls through', () => {
    const rules = createResponseRules();
    const seen: number[] = [];
    rules.onChange((r) => seen.push(r[0]?.failNext ?? -1));
    rules.set([{ path: '/webhook', status: 500, failNext: 2 }]);
    // The label is the count as it stood when the rule answered: 2, then 1.
    expect(rules.match('POST', '/webhook')).toMatchObject({
      status: 500,
      rule: { position: 1, label: 'fail next 2' },
    });
    expect(rules.match('POST', '/webhook')?.rule.label).toBe('fail next 1');
    expect(rules.match('POST', '/webhook')).toBeNull();
    expect(rules.list()[0]?.failNext).toBe(0);
    expect(seen).toEqual([2, 1, 0]);
  });

  it('rejects invalid rules', () => {
    const rules = createResponseRules();
    expect(() => rules.set([{ path: 'no-slash' }])).toThrow();
    expect(() => rules.set([{ path: '/x', status: 99 }])).toThrow();
  });

  it('persists rules and remaining counts per database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-rules-'));
    const db = tempDb(dir);
    const shared = createResponseRules({ db });
    shared.set([{ path: '/w', status: 429, failNext: 3 }]);
    shared.match('POST', '/w');
    db.close();
    const reopened = createResponseRules({ db: tempDb(dir) });
    expect(reopened.list()).toMatchObject([{ path: '/w', status: 429, failNext: 2 }]);
  });
});
