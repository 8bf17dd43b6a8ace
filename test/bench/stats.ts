// The few statistics the benchmark reports, shared by the runner and each engine's process.

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The value below which `p` percent of `xs` lie (nearest rank). */
export function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

export const median = (xs: readonly number[]) => percentile(xs, 50);
