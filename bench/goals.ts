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
