// Lee–Carter model of mortality by single age, per sex (Lee & Carter, JASA 87:659–671, 1992):
//   ln m(x, t) = a(x) + b(x)·k(t),  Σ b = 1,  Σ k = 0 over the fit years,
// a, b, k from the first singular vector of the centred log rates; k re-estimated per year so that
// the model reproduces that year's total deaths (the usual second stage); k projected as a random
// walk with drift. Years of exceptional mortality (COVID-19, 2020–2022) are left out of the fit and
// of the drift but get their own k, so the series stays complete. docs/method.md §3.

import { AGE_COUNT, type AgeSexTable, type Sex, checkTable, hasYear, yearOf } from './age-sex';
import { invalid } from './checks';

/** Deaths in year t at age x over the mid-year population (mean of 1 January t and t+1). */
export function observedRates(
  deaths: AgeSexTable,
  population: AgeSexTable,
  sex: Sex,
  year: number,
): Float64Array {
  const d = yearOf(deaths, sex, year);
  const p0 = yearOf(population, sex, year);
  const p1 = yearOf(population, sex, year + 1);
  return Float64Array.from({ length: AGE_COUNT }, (_, x) => {
    const exposure = (p0[x]! + p1[x]!) / 2;
    // Half a death where none was recorded keeps the log finite (a standard continuity correction).
    return exposure > 0 ? Math.max(d[x]!, 0.5) / exposure : 0;
  });
}

export interface LeeCarterSex {
  readonly a: Float64Array;
  readonly b: Float64Array;
  /** k per observed year (second stage), firstYear … lastYear. */
  readonly k: Float64Array;
  readonly firstYear: number;
  /** Drift of k per year and the standard deviation of its yearly steps (fit years only). */
  readonly drift: number;
  readonly sigma: number;
  /** Fit years used for a, b and the drift. */
  readonly fitYears: readonly number[];
}

export interface LeeCarterFit {
  readonly male: LeeCarterSex;
  readonly female: LeeCarterSex;
  /** Last year with observed deaths used (the jump-off year of the projection). */
  readonly jumpOffYear: number;
}

export interface LeeCarterOptions {
  /** First and last year of the fit window. */
  readonly fitFrom: number;
  readonly fitTo: number;
  /** Years left out of the fit and the drift (default 2020–2022, COVID-19). */
  readonly excluded?: readonly number[];
  /** Last observed year to carry k to (default fitTo; at most the last year with exposure). */
  readonly jumpOffYear?: number;
}

export const COVID_YEARS: readonly number[] = [2020, 2021, 2022];

/** Leading left singular vector of Z (ages × years, row-major) by power iteration on Z·Zᵀ. */
function leadingAgeVector(z: Float64Array, years: number): Float64Array {
  let u = new Float64Array(AGE_COUNT).fill(1 / Math.sqrt(AGE_COUNT));
  for (let iteration = 0; iteration < 500; iteration++) {
    const v = new Float64Array(years);
    for (let x = 0; x < AGE_COUNT; x++) {
      for (let t = 0; t < years; t++) {
        v[t]! += z[x * years + t]! * u[x]!;
      }
    }
    const next = new Float64Array(AGE_COUNT);
    for (let x = 0; x < AGE_COUNT; x++) {
      let s = 0;
      for (let t = 0; t < years; t++) {
        s += z[x * years + t]! * v[t]!;
      }
      next[x] = s;
    }
    const norm = Math.hypot(...next);
    let change = 0;
    for (let x = 0; x < AGE_COUNT; x++) {
      next[x]! /= norm;
      change = Math.max(change, Math.abs(next[x]! - u[x]!));
    }
    u = next;
    if (change < 1e-12) {
      break;
    }
  }
  return u;
}

/** k for which Σ exposure × exp(a + b·k) equals the observed total (Newton's method). */
function matchTotal(
  a: Float64Array,
  b: Float64Array,
  exposure: Float64Array,
  total: number,
  start: number,
): number {
  let k = start;
  for (let iteration = 0; iteration < 100; iteration++) {
    let f = -total;
    let df = 0;
    for (let x = 0; x < AGE_COUNT; x++) {
      const deaths = exposure[x]! * Math.exp(a[x]! + b[x]! * k);
      f += deaths;
      df += deaths * b[x]!;
    }
    const step = f / df;
    k -= step;
    if (Math.abs(step) < 1e-10) {
      break;
    }
  }
  return k;
}

function fitSex(
  deaths: AgeSexTable,
  population: AgeSexTable,
  sex: Sex,
  fitYears: readonly number[],
  firstYear: number,
  jumpOffYear: number,
): LeeCarterSex {
  const n = fitYears.length;
  const logRates = fitYears.map((year) =>
    Float64Array.from(observedRates(deaths, population, sex, year), Math.log),
  );
  const a = Float64Array.from({ length: AGE_COUNT }, (_, x) => {
    let s = 0;
    for (const row of logRates) {
      s += row[x]!;
    }
    return s / n;
  });
  const z = new Float64Array(AGE_COUNT * n);
  for (let x = 0; x < AGE_COUNT; x++) {
    for (let t = 0; t < n; t++) {
      z[x * n + t] = logRates[t]![x]! - a[x]!;
    }
  }
  const u = leadingAgeVector(z, n);
  const sumU = u.reduce((s, v) => s + v, 0);
  const b = Float64Array.from(u, (v) => v / sumU);
  const k = new Float64Array(jumpOffYear - firstYear + 1);
  for (let year = firstYear; year <= jumpOffYear; year++) {
    const p0 = yearOf(population, sex, year);
    const p1 = yearOf(population, sex, year + 1);
    const exposure = Float64Array.from({ length: AGE_COUNT }, (_, x) => (p0[x]! + p1[x]!) / 2);
    const total = yearOf(deaths, sex, year).reduce((s, v) => s + v, 0);
    k[year - firstYear] = matchTotal(a, b, exposure, total, 0);
  }
  const kOf = (year: number) => k[year - firstYear]!;
  const first = fitYears[0]!;
  const last = fitYears.at(-1)!;
  const drift = (kOf(last) - kOf(first)) / (last - first);
  // Steps between consecutive fit years only (a gap would mix in the excluded years).
  const steps: number[] = [];
  for (let i = 1; i < n; i++) {
    if (fitYears[i]! - fitYears[i - 1]! === 1) {
      steps.push(kOf(fitYears[i]!) - kOf(fitYears[i - 1]!));
    }
  }
  const sigma =
    steps.length > 1
      ? Math.sqrt(steps.reduce((s, d) => s + (d - drift) ** 2, 0) / (steps.length - 1))
      : 0;
  return { a, b, k, firstYear, drift, sigma, fitYears };
}

/** Fits the model for both sexes. Needs deaths for every fit year and population 1 January t, t+1. */
export function fitLeeCarter(
  deaths: AgeSexTable,
  population: AgeSexTable,
  options: LeeCarterOptions,
): LeeCarterFit {
  checkTable('deaths', deaths);
  checkTable('population', population);
  const excluded = options.excluded ?? COVID_YEARS;
  const jumpOffYear = options.jumpOffYear ?? options.fitTo;
  const usable = (year: number) =>
    hasYear(deaths, year) && hasYear(population, year) && hasYear(population, year + 1);
  if (!Number.isInteger(options.fitFrom) || !usable(options.fitFrom)) {
    throw invalid('fitFrom', options.fitFrom);
  }
  if (!Number.isInteger(options.fitTo) || options.fitTo <= options.fitFrom) {
    throw invalid('fitTo', options.fitTo);
  }
  if (!Number.isInteger(jumpOffYear) || jumpOffYear < options.fitTo || !usable(jumpOffYear)) {
    throw invalid('jumpOffYear', jumpOffYear);
  }
  const fitYears: number[] = [];
  for (let year = options.fitFrom; year <= options.fitTo; year++) {
    if (!excluded.includes(year)) {
      if (!usable(year)) {
        throw invalid('fitTo', options.fitTo);
      }
      fitYears.push(year);
    }
  }
  if (fitYears.length < 3) {
    throw invalid('fitYears', fitYears.length);
  }
  const firstYear = options.fitFrom;
  return {
    male: fitSex(deaths, population, 'male', fitYears, firstYear, jumpOffYear),
    female: fitSex(deaths, population, 'female', fitYears, firstYear, jumpOffYear),
    jumpOffYear,
  };
}

/**
 * Projected rates by age for a year after the jump-off: k(T + h) = k(T) + h·drift, plus `z`
 * standard deviations of k (random walk with an estimated drift: var = σ²·h + σ²·h²/(n − 1)).
 */
export function projectedRates(fit: LeeCarterSex, jumpOffYear: number, year: number, z = 0) {
  const h = year - jumpOffYear;
  if (!(h >= 0)) {
    throw invalid('year', year);
  }
  const kT = fit.k[jumpOffYear - fit.firstYear]!;
  const k = kT + h * fit.drift + z * kStandardDeviation(fit, h);
  return Float64Array.from({ length: AGE_COUNT }, (_, x) => Math.exp(fit.a[x]! + fit.b[x]! * k));
}

/** Standard deviation of k, h years after the jump-off (innovations and the estimated drift). */
export function kStandardDeviation(fit: LeeCarterSex, h: number): number {
  const n = fit.fitYears.length;
  return fit.sigma * Math.sqrt(h + (h * h) / Math.max(1, n - 1));
}
