// The planners' calculators: the occupancy norm, occupancy from guests and stay, the Erlang curve of
// beds against refusal probability and occupancy, and the inputs of a what-if simulation (a stay
// with a chosen spread, seasonal arrivals). Pure functions; the CLI and the API call the same ones.
// Method: docs/method.md, "Calculators".

import { checkNonNegative, checkOpenUnit, checkPositive, invalid } from './checks';
import { bedsByOccupancyNorm } from './capacity';
import { minBedsForTargetUnchecked } from './erlang';

/**
 * Whole beds from an unrounded bed count, rounded up. A count within 1e-9 (relative) above a whole
 * number is that number: 7,300 × 10 ÷ (365 × 0.8) is 250 on paper, and a floating-point residue
 * must not turn it into 251.
 */
export function wholeBedsUp(exact: number): number {
  return Math.max(0, Math.ceil(exact - 1e-9 * Math.max(1, exact)));
}

export interface NormResult {
  /** Whole beds, rounded up. */
  readonly beds: number;
  /** admissions × LOS ÷ (365 × occupancy), unrounded. */
  readonly exact: number;
}

/**
 * Beds by the fixed occupancy norm of Dutch capacity studies: admissions per year × mean stay (days)
 * ÷ (365 × occupancy). 7,500 × 22 ÷ (365 × 0.8) = 565.07 → 566 beds. Uses the model's
 * {@link bedsByOccupancyNorm}; the argument checks are its checks.
 */
export function normBeds({
  admissions,
  meanStayDays,
  occupancy,
}: {
  readonly admissions: number;
  readonly meanStayDays: number;
  readonly occupancy: number;
}): NormResult {
  const exact = bedsByOccupancyNorm({
    admissionsPerYear: admissions,
    meanLengthOfStay: meanStayDays,
    occupancyNorm: occupancy,
  });
  return { beds: wholeBedsUp(exact), exact };
}

export interface OccupancyResult {
  /** Bed-days used ÷ bed-days available. */
  readonly occupancy: number;
  /** guests × mean stay. */
  readonly bedDaysUsed: number;
  /** beds × open days. */
  readonly bedDaysAvailable: number;
}

/**
 * Occupancy from guests per period, their mean stay (days), the beds and the days the beds were
 * open: guests × stay ÷ (beds × open days). Above 1 the figures contradict each other (more
 * bed-days used than there were); the function still returns the ratio, the caller says so.
 */
export function occupancyFromGuests({
  guests,
  meanStayDays,
  beds,
  openDays,
}: {
  readonly guests: number;
  readonly meanStayDays: number;
  readonly beds: number;
  readonly openDays: number;
}): OccupancyResult {
  checkNonNegative('guests', guests);
  checkPositive('meanStayDays', meanStayDays);
  checkPositive('beds', beds);
  checkPositive('openDays', openDays);
  const bedDaysUsed = guests * meanStayDays;
  const bedDaysAvailable = beds * openDays;
  return { occupancy: bedDaysUsed / bedDaysAvailable, bedDaysUsed, bedDaysAvailable };
}

/** Offered load in erlangs from admissions per year and mean stay: admissions × stay ÷ 365. */
export function loadFromAdmissions(admissions: number, meanStayDays: number): number {
  checkNonNegative('admissions', admissions);
  checkPositive('meanStayDays', meanStayDays);
  return (admissions * meanStayDays) / 365;
}

export interface CurvePoint {
  readonly beds: number;
  /** Erlang B: the share of requests refused because all beds are full. */
  readonly blocking: number;
  /** a(1 − B)/c: the mean share of beds occupied. */
  readonly occupancy: number;
}

export interface ErlangCurve {
  readonly offeredLoad: number;
  readonly points: CurvePoint[];
  /** The given bed count on the curve (today's beds), when asked for. */
  readonly currentBeds?: CurvePoint;
  /** The fewest beds with blocking ≤ target, when a target is given. */
  readonly target?: CurvePoint & { readonly target: number };
}

/** Most points one curve may have: the answer stays small and the work bounded. */
export const MAX_CURVE_POINTS = 5_000;

/** Default range of a curve: from half the load to where refusals fall below 0.1% (or further). */
export function defaultCurveRange(
  offeredLoad: number,
  marks: readonly number[] = [],
): { fromBeds: number; toBeds: number } {
  checkNonNegative('offeredLoad', offeredLoad);
  const fromBeds = Math.max(1, Math.floor(offeredLoad / 2));
  const toBeds = Math.max(
    fromBeds,
    minBedsForTargetUnchecked(offeredLoad, 0.001),
    Math.ceil(offeredLoad * 1.5),
    ...marks,
  );
  return { fromBeds, toBeds };
}

/**
 * Beds against refusal probability (Erlang B) and occupancy for one offered load, from `fromBeds` to
 * `toBeds`, with today's beds and the beds at a target marked on it.
 *
 * Units: load in erlangs, beds whole numbers ≥ 0, target a probability in (0, 1).
 * Formula: one pass of the stable recursion B₀ = 1, Bₖ = a·Bₖ₋₁ / (k + a·Bₖ₋₁), O(toBeds).
 */
export function erlangCurve({
  offeredLoad,
  fromBeds,
  toBeds,
  currentBeds,
  target,
}: {
  readonly offeredLoad: number;
  readonly fromBeds: number;
  readonly toBeds: number;
  readonly currentBeds?: number;
  readonly target?: number;
}): ErlangCurve {
  checkNonNegative('offeredLoad', offeredLoad);
  if (!Number.isInteger(fromBeds) || fromBeds < 0) {
    throw invalid('fromBeds', fromBeds);
  }
  if (!Number.isInteger(toBeds) || toBeds < fromBeds || toBeds - fromBeds >= MAX_CURVE_POINTS) {
    throw invalid('toBeds', toBeds);
  }
  if (currentBeds !== undefined && (!Number.isInteger(currentBeds) || currentBeds < 0)) {
    throw invalid('currentBeds', currentBeds);
  }
  if (target !== undefined) {
    checkOpenUnit('target', target);
  }
  const targetBeds =
    target === undefined ? undefined : minBedsForTargetUnchecked(offeredLoad, target);
  const last = Math.max(toBeds, currentBeds ?? 0, targetBeds ?? 0);
  const points: CurvePoint[] = [];
  let current: CurvePoint | undefined;
  let atTarget: CurvePoint | undefined;
  let b = 1;
  for (let k = 0; k <= last; k++) {
    if (k > 0) {
      b = (offeredLoad * b) / (k + offeredLoad * b);
    }
    const point: CurvePoint = {
      beds: k,
      blocking: b,
      occupancy: k === 0 ? 0 : (offeredLoad * (1 - b)) / k,
    };
    if (k >= fromBeds && k <= toBeds) {
      points.push(point);
    }
    if (k === currentBeds) {
      current = point;
    }
    if (k === targetBeds) {
      atTarget = point;
    }
  }
  return {
    offeredLoad,
    points,
    ...(current === undefined ? {} : { currentBeds: current }),
    ...(atTarget === undefined || target === undefined ? {} : { target: { ...atTarget, target } }),
  };
}

/**
 * Median of a lognormal stay with the given mean and coefficient of variation (sd ÷ mean):
 * mean ÷ √(1 + CV²), since mean/median = exp(σ²/2) and CV² = exp(σ²) − 1. CV 0 would be a fixed
 * stay, which a lognormal cannot be, so CV must be > 0.
 */
export function lognormalMedianFromCv(mean: number, cv: number): number {
  checkPositive('mean', mean);
  checkPositive('cv', cv);
  return mean / Math.sqrt(1 + cv * cv);
}

// Cumulative day counts of a 365-day year, to average a daily profile per month.
const MONTH_STARTS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365];

/** Twelve monthly means of a daily profile over a 365-day year, rescaled to a day-weighted mean 1. */
function monthlyMeans(dailyValue: (dayIndex: number) => number): number[] {
  const months: number[] = [];
  let total = 0;
  for (let m = 0; m < 12; m++) {
    let sum = 0;
    for (let d = MONTH_STARTS[m]!; d < MONTH_STARTS[m + 1]!; d++) {
      sum += dailyValue(d);
    }
    total += sum;
    months.push(sum / (MONTH_STARTS[m + 1]! - MONTH_STARTS[m]!));
  }
  const mean = total / 365;
  return months.map((v) => v / mean);
}

/** Day of the year (0-based) of the middle of ISO week w, approximately (week 1 holds 4 January). */
function middleOfWeek(week: number): number {
  return (week - 1) * 7 + 3;
}

/**
 * Monthly arrival multipliers of a sinusoidal season: 1 + amplitude × cos(2π (day − peak) / 365),
 * peaking in the middle of ISO week `peakWeek`, averaged per month and rescaled to mean 1 (the
 * simulation's seasonal rate is monthly, so a peak within a month is spread over that month).
 */
export function sinusoidalSeasonality(amplitude: number, peakWeek: number): number[] {
  if (!Number.isFinite(amplitude) || amplitude < 0 || amplitude >= 1) {
    throw invalid('amplitude', amplitude);
  }
  if (!Number.isInteger(peakWeek) || peakWeek < 1 || peakWeek > 53) {
    throw invalid('peakWeek', peakWeek);
  }
  const peak = middleOfWeek(peakWeek);
  return monthlyMeans((d) => 1 + amplitude * Math.cos((2 * Math.PI * (d - peak)) / 365));
}

export interface WeeklyCount {
  /** ISO-week year. */
  readonly year: number;
  /** ISO week, 1–53. */
  readonly week: number;
  readonly count: number;
}

export interface SeasonalProfile {
  /** Twelve monthly multipliers, January first, day-weighted mean 1. */
  readonly monthly: number[];
  /** First harmonic of the weekly profile: amplitude (share of the mean) and the peak ISO week. */
  readonly amplitude: number;
  readonly peakWeek: number;
  /** ISO years used (complete years, the excluded ones left out). */
  readonly years: number[];
}

/**
 * The seasonal profile of weekly counts (national deaths): each week's count relative to the mean
 * week of its own ISO year (so the trend between years drops out), averaged per calendar month over
 * the years, with the first harmonic fitted by least squares for an amplitude and peak week.
 * Incomplete years and `excludeYears` (the COVID-19 years, whose waves are not seasonal) are left out.
 */
export function seasonalProfileFromWeekly(
  counts: readonly WeeklyCount[],
  { excludeYears = [] }: { readonly excludeYears?: readonly number[] } = {},
): SeasonalProfile {
  const byYear = new Map<number, Map<number, number>>();
  for (const c of counts) {
    if (!Number.isInteger(c.week) || c.week < 1 || c.week > 53) {
      throw invalid('week', c.week);
    }
    checkNonNegative('count', c.count);
    const weeks = byYear.get(c.year) ?? new Map<number, number>();
    weeks.set(c.week, c.count);
    byYear.set(c.year, weeks);
  }
  const relative: Array<{ week: number; ratio: number }> = [];
  const years: number[] = [];
  for (const [year, weeks] of [...byYear].sort((a, b) => a[0] - b[0])) {
    // A complete ISO year has weeks 1–52, and 53 in long years.
    const complete = Array.from({ length: 52 }, (_, i) => weeks.has(i + 1)).every(Boolean);
    if (!complete || excludeYears.includes(year)) {
      continue;
    }
    const values = [...weeks.values()];
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    if (mean === 0) {
      continue;
    }
    years.push(year);
    for (const [week, count] of weeks) {
      relative.push({ week, ratio: count / mean });
    }
  }
  if (relative.length === 0) {
    throw invalid('counts', 'no complete year');
  }
  // Daily profile: each day of the year takes the mean ratio of the ISO weeks that cover it.
  const sums = new Float64Array(53);
  const ns = new Float64Array(53);
  let a = 0;
  let b = 0;
  for (const { week, ratio } of relative) {
    sums[week - 1]! += ratio;
    ns[week - 1]! += 1;
    const angle = (2 * Math.PI * middleOfWeek(week)) / 365;
    a += (ratio - 1) * Math.cos(angle);
    b += (ratio - 1) * Math.sin(angle);
  }
  a = (2 * a) / relative.length;
  b = (2 * b) / relative.length;
  const weekMean = (w: number) => (ns[w]! > 0 ? sums[w]! / ns[w]! : 1);
  const monthly = monthlyMeans((d) => weekMean(Math.min(51, Math.floor(d / 7))));
  const peakDay = ((((Math.atan2(b, a) * 365) / (2 * Math.PI)) % 365) + 365) % 365;
  return {
    monthly,
    amplitude: Math.hypot(a, b),
    peakWeek: (Math.round((peakDay - 3) / 7) % 52) + 1,
    years,
  };
}
