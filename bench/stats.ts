// Small measures the benches share: a percentile of samples, one-decimal rounding, and the CPU
// time this process spends while an awaited step runs.

/** The `p`th percentile (0-100) of `xs` by nearest rank; NaN when there are no samples. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN) : NaN;
}

/** Rounded to one decimal, for printing. */
export const r1 = (n: number) => Math.round(n * 10) / 10;

/** What `f` resolves to, and the CPU time (user + system, µs) this process spent meanwhile: its
 *  server, store and worker threads, not the load generator or target in their own processes. */
export async function withCpu<T>(f: () => Promise<T>): Promise<{ value: T; cpuUs: number }> {
  const since = process.cpuUsage();
  const value = await f();
  const used = process.cpuUsage(since);
  return { value, cpuUs: used.user + used.system };
}
