// docs/api.md must list every route of the contract (regenerate with
// `npx tsx scripts/api-docs.ts --write`), and docs/api-agents.md, the A2A client's hand-written
// reference, must name every agent operation with its real verb and route.
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { operations, type OpSpec } from '../../shared/api';
import { agentOps } from '../../shared/api/agents';

const table = operations as Record<string, OpSpec>;

it('documents every operation of the contract', () => {
  const doc = readFileSync('docs/api.md', 'utf8');
  const missing = Object.entries(table)
    .filter(([, spec]) => !doc.includes(`\`${spec.verb} ${spec.path}\``))
    .map(([name]) => name);
  expect(missing).toEqual([]);
});

it('docs/api-agents.md names every agent operation with its real verb and route', () => {
  const doc = readFileSync('docs/api-agents.md', 'utf8');
  // "| `GET /api/tasks?agentId=` | `listTasks` |" rows and "`GET /api/...` (`getTimeline`)" prose.
  const mention = /`(GET|POST|PUT|DELETE) (\/api\/[^`?\s]*)[^`]*`\s*(?:\|\s*|\()`(\w+)`/g;
  const documented = new Map<string, string>();
  for (const [, verb, path, name] of doc.matchAll(mention))
    documented.set(name!, `${verb} ${path}`);
  const wrong = [...documented].filter(
    ([name, route]) => !table[name] || `${table[name].verb} ${table[name].path}` !== route,
  );
  expect(wrong).toEqual([]);
  const undocumented = Object.keys(agentOps).filter((name) => !documented.has(name));
  expect(undocumented).toEqual([]);
});
