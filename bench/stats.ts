// Small statistics the benches share: a percentile of samples, and one-decimal rounding.

/** The `p`th percentile (0-100) of `xs` by nearest rank; NaN when there are no samples. */
export function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN) : NaN;
}

/** Rounded to one decimal, for printing. */
export const r1 = (n: number) => Math.round(n * 10) / 10;
