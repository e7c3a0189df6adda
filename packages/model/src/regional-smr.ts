// The regional mortality level (standardised mortality ratio) from yearly observed and expected
// deaths (docs/method.md §3).

import { invalid } from './checks';

export interface SmrInput {
  /** Years of observed regional deaths. */
  readonly years: readonly number[];
  /** Observed deaths per year (same order). */
  readonly observed: readonly number[];
  /** Deaths expected at national rates per year (same order). */
  readonly expected: readonly number[];
  /** Year the SMR is wanted for. */
  readonly at: number;
}

export interface SmrEstimate {
  readonly smr: number;
  /** Standard error of ln SMR. */
  readonly logSe: number;
}

/**
 * SMR of a region at year `at`, by indirect standardisation (observed ÷ expected deaths at national
 * rates).
 * - One or two years: the pooled ratio ΣO ÷ ΣE, with the Poisson standard error 1/√ΣO of its log.
 * - Three or more: a weighted least-squares line through ln(O_y ÷ E_y) against the year, weights
 *   O_y (Var ln O ≈ 1/O for a Poisson count), read at `at`. Why a line: before the base year the
 *   regional populations keep their base-year share of every age and sex (the data hold no
 *   regional age structure before 2021), so a region that grew or aged faster than the nation
 *   shows a drifting ratio; read at the base year, where the age structure is observed, the line
 *   removes that drift to first order. Standard error √(φ (1/W + (at − ȳ)² / Sxx)) with the
 *   dispersion φ = max(1, Σ w r² ÷ (n − 2)) (extra-Poisson variation between years; assumption:
 *   never below Poisson).
 */
export function estimateSmr(input: SmrInput): SmrEstimate {
  const { years, observed, expected, at } = input;
  const n = years.length;
  if (n === 0 || observed.length !== n || expected.length !== n) {
    throw invalid('smrYears', n);
  }
  expected.forEach((e, i) => {
    if (!(e > 0) || !(observed[i]! > 0)) {
      throw invalid(`deaths.${years[i]}`, `${observed[i]} observed, ${e} expected`);
    }
  });
  const totalObserved = observed.reduce((s, o) => s + o, 0);
  if (n < 3) {
    const totalExpected = expected.reduce((s, e) => s + e, 0);
    return { smr: totalObserved / totalExpected, logSe: 1 / Math.sqrt(totalObserved) };
  }
  const y = observed.map((o, i) => Math.log(o / expected[i]!));
  const meanYear = years.reduce((s, t, i) => s + observed[i]! * t, 0) / totalObserved;
  const meanLog = y.reduce((s, v, i) => s + observed[i]! * v, 0) / totalObserved;
  let sxx = 0;
  let sxy = 0;
  years.forEach((t, i) => {
    sxx += observed[i]! * (t - meanYear) ** 2;
    sxy += observed[i]! * (t - meanYear) * (y[i]! - meanLog);
  });
  const slope = sxy / sxx;
  const residuals = years.reduce(
    (s, t, i) => s + observed[i]! * (y[i]! - meanLog - slope * (t - meanYear)) ** 2,
    0,
  );
  const dispersion = Math.max(1, residuals / (n - 2));
  return {
    smr: Math.exp(meanLog + slope * (at - meanYear)),
    logSe: Math.sqrt(dispersion * (1 / totalObserved + (at - meanYear) ** 2 / sxx)),
  };
}
