/** Percentile by nearest rank over a sample (sorted copy; the input is left alone). */
export function percentile(samples: ReadonlyArray<number>, p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
