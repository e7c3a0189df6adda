// Small statistics helpers: confidence intervals over replications and quantiles of Monte Carlo draws.

import { invalid } from './checks';

// Student t 97.5% quantiles for 1–30 degrees of freedom (standard tables, 6 decimals).
const T975 = [
  12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157,
  2.228139, 2.200985, 2.178813, 2.160369, 2.144787, 2.13145, 2.119905, 2.109816, 2.100922, 2.093024,
  2.085963, 2.079614, 2.073873, 2.068658, 2.063899, 2.059539, 2.055529, 2.051831, 2.048407, 2.04523,
  2.042272,
];

/**
 * 97.5% quantile of Student's t distribution (two-sided 95% intervals).
 * Table for 1–30 degrees of freedom; beyond, the Cornish–Fisher expansion around z = 1.959964
 * (Abramowitz & Stegun 26.7.5), accurate to better than 1e-6 there.
 */
export function studentT975({ degreesOfFreedom }: { readonly degreesOfFreedom: number }): number {
  if (!Number.isInteger(degreesOfFreedom) || degreesOfFreedom < 1) {
    throw invalid('degreesOfFreedom', degreesOfFreedom);
  }
  if (degreesOfFreedom <= T975.length) {
    return T975[degreesOfFreedom - 1]!;
  }
  return tQuantileExpansion(degreesOfFreedom);
}

/** Cornish–Fisher expansion of the t quantile at p = 0.975 (exported for its test). */
export function tQuantileExpansion(nu: number): number {
  const z = 1.959963984540054;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / nu + g2 / nu ** 2 + g3 / nu ** 3 + g4 / nu ** 4;
}

export interface Estimate {
  /** Mean over replications. */
  readonly mean: number;
  /** 95% confidence interval [low, high] (Student t over independent replications). */
  readonly ci95: readonly [number, number];
}

/**
 * Mean and 95% Student-t confidence interval of independent replication results (the method of
 * independent replications, Law & Kelton). At least two values are required: one replication gives
 * no interval.
 */
export function meanWithCi95(values: ArrayLike<number>): Estimate {
  const n = values.length;
  if (n < 2) {
    throw invalid('replications', n);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i]!;
  }
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  const standardError = Math.sqrt(squares / (n - 1) / n);
  const half = studentT975({ degreesOfFreedom: n - 1 }) * standardError;
  return { mean, ci95: [mean - half, mean + half] };
}

/** Rearranges values[left..right] so that values[k] is the k-th smallest (Hoare quickselect). */
function select(values: Float64Array, left: number, right: number, k: number): void {
  let lo = left;
  let hi = right;
  while (hi > lo) {
    // Median of three as pivot keeps sorted or constant input linear.
    const mid = (lo + hi) >> 1;
    const a = values[lo]!;
    const b = values[mid]!;
    const c = values[hi]!;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) {
        i++;
      }
      while (values[j]! > pivot) {
        j--;
      }
      if (i <= j) {
        const t = values[i]!;
        values[i] = values[j]!;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) {
      hi = j;
    } else if (k >= i) {
      lo = i;
    } else {
      return;
    }
  }
}

/**
 * Quantile with linear interpolation between order statistics (Hyndman & Fan type 7, the default of
 * R and NumPy). Reorders `values` in place (selection, O(n)); no NaN allowed.
 * Units: those of the values; p in [0, 1].
 */
export function quantileInPlace(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) {
    throw invalid('values', 'empty');
  }
  if (!(p >= 0 && p <= 1)) {
    throw invalid('p', p);
  }
  const h = (n - 1) * p;
  const k = Math.floor(h);
  select(values, 0, n - 1, k);
  const low = values[k]!;
  const fraction = h - k;
  if (fraction === 0 || k + 1 >= n) {
    return low;
  }
  // After selection every element right of k is ≥ values[k]; the next order statistic is their min.
  let next = Infinity;
  for (let i = k + 1; i < n; i++) {
    const v = values[i]!;
    if (v < next) {
      next = v;
    }
  }
  return low + fraction * (next - low);
}

export interface Band {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

let counts = new Int32Array(1024);

/** Order statistic k (0-based) of integer values in [min, min + counts.length) from their counts. */
function countedOrderStatistic(k: number, min: number, range: number): number {
  let seen = 0;
  for (let v = 0; v < range; v++) {
    seen += counts[v]!;
    if (seen > k) {
      return min + v;
    }
  }
  return min + range - 1;
}

/**
 * P10, P50 and P90 of Monte Carlo draws (type 7 quantiles); may reorder `values`.
 * Fast paths for the common outputs of the forecast: constant values (today's beds) and whole
 * numbers in a narrow range (beds needed) are counted instead of selected.
 */
export function bandInPlace(values: Float64Array): Band {
  const n = values.length;
  if (n === 0) {
    throw invalid('values', 'empty');
  }
  let min = Infinity;
  let max = -Infinity;
  let isInteger = true;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v < min) {
      min = v;
    }
    if (v > max) {
      max = v;
    }
    if (isInteger && v !== Math.floor(v)) {
      isInteger = false;
    }
  }
  if (min === max) {
    return { p10: min, p50: min, p90: min };
  }
  const range = max - min + 1;
  if (isInteger && range <= 4 * n) {
    if (counts.length < range) {
      counts = new Int32Array(range);
    } else {
      counts.fill(0, 0, range);
    }
    for (let i = 0; i < n; i++) {
      counts[values[i]! - min]!++;
    }
    const at = (p: number): number => {
      const h = (n - 1) * p;
      const k = Math.floor(h);
      const low = countedOrderStatistic(k, min, range);
      const fraction = h - k;
      return fraction > 0 && k + 1 < n
        ? low + fraction * (countedOrderStatistic(k + 1, min, range) - low)
        : low;
    };
    return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
  }
  return bucketBand(values, min, max);
}

// Bucket selection: values are spread over 256 equal-width buckets by value; an order statistic is
// found by counting buckets and selecting only inside the one bucket that holds it. The buckets of
// the six order statistics of a band are gathered in one pass, each into the places its values hold
// in sorted order, so that one selection inside it finds the statistic: three cheap passes over the
// data instead of several full quickselects (Monte Carlo outputs are smooth, so the buckets are
// small; a skewed sample only makes the final selection larger, never wrong).
const BUCKETS = 256;
/** The probabilities of a band: P10, P50, P90. */
const BAND_P = [0.1, 0.5, 0.9] as const;
const bucketCounts = new Int32Array(BUCKETS);
/** Per bucket: where its next gathered value goes, or −1 when it holds none of the statistics. */
const gatherAt = new Int32Array(BUCKETS);
/** Per rank of BAND_RANKS: the first and last place of its bucket in `gathered`. */
const rankFrom = new Int32Array(6);
const rankTo = new Int32Array(6);
const ranks = new Int32Array(6);
let bucketOf = new Uint8Array(1024);
let gathered = new Float64Array(1024);

function bucketBand(values: Float64Array, min: number, max: number): Band {
  const n = values.length;
  if (bucketOf.length < n) {
    bucketOf = new Uint8Array(n);
    gathered = new Float64Array(n);
  }
  bucketCounts.fill(0);
  const scale = BUCKETS / (max - min);
  for (let i = 0; i < n; i++) {
    let b = Math.floor((values[i]! - min) * scale);
    if (b >= BUCKETS) {
      b = BUCKETS - 1;
    }
    bucketOf[i] = b;
    bucketCounts[b]!++;
  }
  // The order statistics of the type 7 quantiles at 0.1, 0.5 and 0.9: ranks k and k + 1 (ascending).
  for (let q = 0; q < 3; q++) {
    const k = Math.floor((n - 1) * BAND_P[q]!);
    ranks[2 * q] = k;
    ranks[2 * q + 1] = Math.min(k + 1, n - 1);
  }
  gatherAt.fill(-1);
  let before = 0;
  let b = 0;
  for (let r = 0; r < 6; r++) {
    const rank = ranks[r]!;
    while (before + bucketCounts[b]! <= rank) {
      before += bucketCounts[b]!;
      b++;
    }
    gatherAt[b] = before;
    rankFrom[r] = before;
    rankTo[r] = before + bucketCounts[b]! - 1;
  }
  for (let i = 0; i < n; i++) {
    const at = gatherAt[bucketOf[i]!]!;
    if (at >= 0) {
      gathered[at] = values[i]!;
      gatherAt[bucketOf[i]!] = at + 1;
    }
  }
  return {
    p10: gatheredQuantile(0, n),
    p50: gatheredQuantile(1, n),
    p90: gatheredQuantile(2, n),
  };
}

// The steps of bucketBand are functions of their own, not closures inside it: a closure is made
// anew on every call, and a national run makes thousands of bands.

/** The order statistic of ranks[r], selected inside its gathered bucket. */
function gatheredStatistic(r: number): number {
  select(gathered, rankFrom[r]!, rankTo[r]!, ranks[r]!);
  return gathered[ranks[r]!]!;
}

/** The type 7 quantile at BAND_P[q] of n values, from the gathered buckets. */
function gatheredQuantile(q: number, n: number): number {
  const h = (n - 1) * BAND_P[q]!;
  const k = Math.floor(h);
  const low = gatheredStatistic(2 * q);
  const fraction = h - k;
  return fraction > 0 && k + 1 < n ? low + fraction * (gatheredStatistic(2 * q + 1) - low) : low;
}
