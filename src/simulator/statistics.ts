/** Order statistics over sorted samples: percentiles, latency summaries, empirical CDF look-ups. */

export interface LatencySummary {
  readonly count: number;
  readonly meanMs: number;
  readonly minMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  /** The latency at each whole percentile 1…99 plus 99.9, for plotting a distribution. */
  readonly cdf: readonly { readonly fraction: number; readonly ms: number }[];
}

/** Nearest-rank percentile of ascending samples: the smallest value with at least `fraction` of samples ≤ it. */
export function percentile(sortedAscending: ArrayLike<number>, fraction: number): number {
  const count = sortedAscending.length;
  if (count === 0) return NaN;
  // The epsilon keeps a product that rounds just above an integer (0.07 × 100 = 7.000000000000001)
  // from moving the rank up by one.
  const rank = Math.min(count, Math.max(1, Math.ceil(fraction * count - 1e-9)));
  return sortedAscending[rank - 1];
}

/** Number of samples ≤ value (binary search). */
export function countAtMost(sortedAscending: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sortedAscending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortedAscending[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

const CDF_FRACTIONS: readonly number[] = [...Array.from({ length: 99 }, (_, i) => (i + 1) / 100), 0.999];

export function summarizeLatencies(sortedAscending: ArrayLike<number>): LatencySummary {
  const count = sortedAscending.length;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sortedAscending[i];
  return {
    count,
    meanMs: count === 0 ? NaN : sum / count,
    minMs: count === 0 ? NaN : sortedAscending[0],
    p50Ms: percentile(sortedAscending, 0.5),
    p90Ms: percentile(sortedAscending, 0.9),
    p99Ms: percentile(sortedAscending, 0.99),
    p999Ms: percentile(sortedAscending, 0.999),
    maxMs: count === 0 ? NaN : sortedAscending[count - 1],
    cdf: count === 0 ? [] : CDF_FRACTIONS.map((fraction) => ({ fraction, ms: percentile(sortedAscending, fraction) })),
  };
}

/** Sorts numbers ascending in a Float64Array (numeric order, unlike Array.prototype.sort's default). */
export function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}
