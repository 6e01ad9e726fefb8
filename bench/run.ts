// npm run bench [name...]: runs every bench/*.bench.ts (or the named ones) one after another,
// prints each figure with its goal beside it and writes bench/results/latest.json (figures,
// goals, load average, CPU steal, quick or full). Figures are ratios against a baseline
// measured in the same run, never absolute timing promises. BENCH_QUICK=1: shorter runs and
// smaller data sets (the whole suite in under 2 minutes); each knob can still be set alone.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCpuTimes, stealPercent } from './cpu-steal';
import { goalOf } from './goals';

export interface BenchResult {
  name: string;
  metrics: Record<string, number | string>;
  /** Goal per metric name, when the bench states it itself. */
  goals?: Record<string, string>;
  notes?: string;
}

const QUICK_KNOBS: Record<string, string> = {
  BENCH_SECONDS: '2',
  REPLAY_BENCH_N: '5000',
  REPLAY_ROUNDS: '2',
  SSE_BENCH_N: '20000',
  BENCH_TIMELINE_EVENTS: '20000',
  BENCH_UI_CAPTURES: '10000',
};
const quick = process.env['BENCH_QUICK'] === '1';
if (quick) for (const [k, v] of Object.entries(QUICK_KNOBS)) process.env[k] ??= v;

// Bundled (npm run bench, scripts/bench.mjs) this file runs from bench/.build beside the bundled
// benches; run with tsx it runs from bench/ beside their sources. Results go to bench/results.
const dir = import.meta.dirname;
const benchDir = basename(dir) === '.build' ? dirname(dir) : dir;
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => /\.bench\.[jt]s$/.test(f))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();

const load = () => loadavg().map((l) => l.toFixed(2));
const started = { at: new Date().toISOString(), loadAverage: load() };
const runCpu = readCpuTimes();
/** How a bench's CPU steal reads beside its figures (empty where the OS does not report it). */
const stealNote = (steal: number | null) =>
  steal === null
    ? ''
    : `, CPU steal ${steal}%${steal >= 5 ? ' (other guests on this host: figures slowed unevenly)' : ''}`;
console.log(
  `${quick ? 'quick' : 'full'} run, ${cpus().length} cores, load average ${started.loadAverage.join(' ')}` +
    ' (other jobs, and other guests on the host, slow both sides of a ratio, not equally)',
);
const results: (BenchResult & {
  loadAverage: string[];
  /** Percent of CPU time the hypervisor took from this machine during the bench. */
  stealPercent: number | null;
  seconds: number;
})[] = [];
for (const file of files) {
  console.log(`\n== ${file} (load average ${load().join(' ')})`);
  const t0 = performance.now();
  const cpu0 = readCpuTimes();
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as {
    run: () => Promise<BenchResult>;
  };
  try {
    const result = await mod.run();
    const goals: Record<string, string> = {};
    for (const [k, v] of Object.entries(result.metrics)) {
      const goal = goalOf(result.name, k, result.goals);
      if (goal) goals[k] = goal;
      console.log(`  ${k.padEnd(44)} ${String(v).padEnd(12)} ${goal ? `goal ${goal}` : ''}`);
    }
    if (result.notes) console.log(`  ${result.notes}`);
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    const steal = stealPercent(cpu0, readCpuTimes());
    console.log(`  (${seconds} s, load average ${load().join(' ')}${stealNote(steal)})`);
    results.push({ ...result, goals, loadAverage: load(), stealPercent: steal, seconds });
  } catch (err) {
    console.error(`  FAILED: ${(err as Error).stack ?? String(err)}`);
    process.exitCode = 1;
  }
}
const runSteal = stealPercent(runCpu, readCpuTimes());
mkdirSync(join(benchDir, 'results'), { recursive: true });
writeFileSync(
  join(benchDir, 'results', 'latest.json'),
  JSON.stringify(
    { ...started, quick, commit: commit(), cores: cpus().length, stealPercent: runSteal, results },
    null,
    2,
  ),
);
console.log(`\nwrote bench/results/latest.json${stealNote(runSteal)}`);

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: dir }).toString().trim();
  } catch {
    return 'unknown';
  }
}
