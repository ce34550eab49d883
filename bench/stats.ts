/** The median and range of one figure over the measured runs (the warm-up run excluded). */
export interface Summary {
  median: number;
  min: number;
  max: number;
  /** Every measured value, in run order, so a reader can see the spread. */
  runs: number[];
}

/** Median of the values; the mean of the two middle ones for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Linear-interpolated percentile, p in 0..100 (p50 equals the median). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of no values');
  if (p < 0 || p > 100) throw new Error(`percentile must be within 0..100, got ${p}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

export function summarize(values: readonly number[]): Summary {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: [...values] };
}

/**
 * Summarises the same numeric fields across runs: a field missing from any run (a stage that
 * did not report, a worker not seen) is left out rather than summarised over fewer runs.
 */
export function summarizeRecords(records: readonly Record<string, number | null>[]): Record<string, Summary> {
  const out: Record<string, Summary> = {};
  const keys = new Set(records.flatMap((r) => Object.keys(r)));
  for (const key of keys) {
    const values = records.map((r) => r[key]);
    if (values.every((v): v is number => typeof v === 'number' && Number.isFinite(v))) out[key] = summarize(values);
  }
  return out;
}
