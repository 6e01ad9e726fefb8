// npm run bench [name...]: runs every bench/*.bench.ts (or the named ones) one after another,
// prints their figures and writes bench/results/latest.json. Figures are ratios against a
// baseline measured in the same run, never absolute timing promises.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  metrics: Record<string, number | string>;
  notes?: string;
}

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  console.log(`\n== ${file}`);
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
    run: () => Promise<BenchResult>;
  };
  try {
    const result = await mod.run();
    results.push(result);
    for (const [k, v] of Object.entries(result.metrics)) console.log(`  ${k.padEnd(36)} ${v}`);
    if (result.notes) console.log(`  ${result.notes}`);
  } catch (err) {
    console.error(`  FAILED: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = 1;
  }
}
mkdirSync(join(dir, 'results'), { recursive: true });
writeFileSync(
  join(dir, 'results', 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), results }, null, 2),
);
console.log(`\nwrote bench/results/latest.json`);
