import { checkNonNegative, checkNonNegativeInteger, checkPositive, invalid } from './checks';

// What a simulated hospice is: beds, arrivals, length of stay, seasonality and waiting list, and
// the checks its parameters must pass.

/**
 * Length-of-stay distribution, in days. Lognormal by mean and median unless stated otherwise.
 * `empirical` draws one of the given stays (with the given weights, or each equally often); its mean
 * must be the weighted mean of the values ({@link empiricalStay} computes it).
 */
export type LengthOfStayDistribution =
  | { readonly distribution?: 'lognormal'; readonly mean: number; readonly median: number }
  | { readonly distribution: 'exponential'; readonly mean: number }
  | {
      readonly distribution: 'empirical';
      readonly mean: number;
      readonly values: readonly number[];
      readonly weights?: readonly number[];
    };

/** An empirical stay distribution from observed stays (days, > 0) and optional weights (≥ 0). */
export function empiricalStay(
  values: readonly number[],
  weights?: readonly number[],
): Extract<LengthOfStayDistribution, { distribution: 'empirical' }> {
  checkEmpirical(values, weights);
  let sum = 0;
  let total = 0;
  values.forEach((v, i) => {
    const w = weights?.[i] ?? 1;
    sum += v * w;
    total += w;
  });
  return {
    distribution: 'empirical',
    mean: sum / total,
    values,
    ...(weights === undefined ? {} : { weights }),
  };
}

function checkEmpirical(values: readonly number[], weights: readonly number[] | undefined): void {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v <= 0)) {
    throw invalid('los.values', values);
  }
  if (weights !== undefined) {
    if (
      weights.length !== values.length ||
      weights.some((w) => !Number.isFinite(w) || w < 0) ||
      !weights.some((w) => w > 0)
    ) {
      throw invalid('los.weights', weights);
    }
  }
}

export interface WaitingListOptions {
  /** Most people on the list at once; further requests are refused. Infinity for no limit. */
  readonly capacity: number;
  /** Mean time to death while waiting, days (exponential). Omit: nobody dies while waiting. */
  readonly meanTimeToDeathDays?: number;
  /** Mean time until the person gives up (other care), days (exponential). Omit: nobody gives up. */
  readonly meanTimeToGiveUpDays?: number;
}

export interface HospiceProcess {
  /** Beds, a non-negative integer. */
  readonly beds: number;
  /** Mean admission requests per day (Poisson), before the seasonal multiplier. */
  readonly arrivalsPerDay: number;
  readonly los: LengthOfStayDistribution;
  /**
   * Twelve monthly multipliers of the arrival rate (January first), e.g. winter months 1.1. Their
   * mean should be 1 to keep the yearly rate; it is not rescaled. Omit for a constant rate.
   */
  readonly seasonality?: readonly number[];
  /** Day of the year of day 0, 1 = 1 January (365-day years). Default 1. */
  readonly startDayOfYear?: number;
  /** Omit for a pure loss system: a request finding all beds full is refused. */
  readonly waitingList?: WaitingListOptions;
}

export function checkProcess(p: HospiceProcess): void {
  checkNonNegativeInteger('beds', p.beds);
  checkNonNegative('arrivalsPerDay', p.arrivalsPerDay);
  checkPositive('los.mean', p.los.mean);
  if (p.los.distribution === 'empirical') {
    checkEmpirical(p.los.values, p.los.weights);
    const { mean } = empiricalStay(p.los.values, p.los.weights);
    if (Math.abs(mean - p.los.mean) > 1e-9 * mean) {
      throw invalid('los.mean', p.los.mean);
    }
  } else if (p.los.distribution !== 'exponential') {
    checkPositive('los.median', p.los.median);
    if (p.los.median > p.los.mean) {
      throw invalid('los.median', p.los.median);
    }
  }
  if (p.seasonality !== undefined) {
    if (p.seasonality.length !== 12 || p.seasonality.some((m) => !Number.isFinite(m) || m < 0)) {
      throw invalid('seasonality', p.seasonality);
    }
  }
  if (p.startDayOfYear !== undefined) {
    if (!Number.isInteger(p.startDayOfYear) || p.startDayOfYear < 1 || p.startDayOfYear > 365) {
      throw invalid('startDayOfYear', p.startDayOfYear);
    }
  }
  const w = p.waitingList;
  if (w !== undefined) {
    if (!(w.capacity === Infinity || (Number.isInteger(w.capacity) && w.capacity >= 0))) {
      throw invalid('waitingList.capacity', w.capacity);
    }
    if (w.meanTimeToDeathDays !== undefined) {
      checkPositive('waitingList.meanTimeToDeathDays', w.meanTimeToDeathDays);
    }
    if (w.meanTimeToGiveUpDays !== undefined) {
      checkPositive('waitingList.meanTimeToGiveUpDays', w.meanTimeToGiveUpDays);
    }
  }
}
