// The goals per bench figure, printed beside each figure by bench/run.ts and written
// to bench/results/latest.json. A bench may also name a goal itself (BenchResult.goals, or a
// "(goal ...)" in a metric's name); this table covers figures whose bench does not.
export const GOALS: Record<string, Record<string, string>> = {
  receiver: { 'ratio receiver / bare': '>= 0.7' },
  replay: { 'ratio exact / autocannon': '>= 0.5', 'ratio re-signed / autocannon': '>= 0.4' },
  'sse-ingest': { 'client / raw ratio': '>= 0.6' },
  'timeline-100k': {
    'first render ms (click → row, cold engine)': '< 1000',
    'linted tail page ms (click → 2nd answer)': '< 300',
    'scroll 240 px/frame: frame p95 ms': '< 20',
  },
  ui: { 'scroll handler+render p95 ms': '< 4' },
  hostile: { '8 MiB cap: under load': 'loop p99 < 50 ms, webhook p99 < 100 ms' },
};

/** The goal of one figure: the bench's own, one written in its name, or the table's. */
export function goalOf(
  bench: string,
  metric: string,
  own: Record<string, string> | undefined,
): string | undefined {
  return own?.[metric] ?? /\(goal ([^)]*)\)/.exec(metric)?.[1] ?? GOALS[bench]?.[metric];
}

/** The number in a ">= x" goal of the table: the rate a budget is worked out for. */
export function goalRatio(bench: string, metric: string): number {
  const goal = GOALS[bench]?.[metric];
  const x = goal ? /^>= ([\d.]+)$/.exec(goal)?.[1] : undefined;
  if (x === undefined) throw new Error(`no ">= x" goal for ${bench}: ${metric}`);
  return Number(x);
}

/** CPU µs per request that `cores` leave for the code under test when it runs at `ratio` of
 *  `baselinePerSec`, after `othersUs` per request taken by the processes beside it (the load
 *  generator, the target). Above it the goal is out of reach on this machine, whatever the code. */
export function cpuBudgetUs(opts: {
  cores: number;
  baselinePerSec: number;
  ratio: number;
  othersUs: number;
}): number {
  return (opts.cores * 1e6) / (opts.ratio * opts.baselinePerSec) - opts.othersUs;
}
