// Demand pipeline per region and year, 2000–2050 (observed years up to 2024, scenarios after):
// deaths → expected deaths → hospice demand (admissions and uncensored refusals) → offered load →
// beds (Erlang B at a pooling level, and the fixed occupancy norm) → gap with today's beds and the
// refusals today's beds would give. docs/method.md.

import { invalid } from './checks';
import { DEFAULT_MULTIPLE_REGISTRATION_SHARE, uncensoringFactor } from './demand-calibration';
import { drawOrders, rowsFromDraws, rowsFromPoint } from './forecast-bands';
import {
  BEDS_CURRENT,
  BEDS_ERLANG,
  BEDS_NORM,
  CARRIED_CURRENT,
  CARRIED_NEEDED,
  DEATHS,
  EXPECTED,
  FORECAST_KEYS,
  type ForecastKey,
  type ForecastRow,
  LOAD,
  REFUSED_LOAD,
  REQUESTS,
  SLOTS,
  fillKey,
} from './forecast-slots';
import { sizePools } from './pools';
import {
  type PreparedRegion,
  type PreparedScenario,
  type RegionInput,
  YEAR0,
  prepareRegion,
  prepareScenario,
} from './prepare';
import { Rng, triangularFromUniform } from './random';
import {
  LAST_YEAR,
  type MultiplierDistribution,
  type PoolingLevel,
  type Scenario,
} from './scenarios';
import { type Band } from './statistics';

export type { ObservedActivity, Location, RegionInput } from './prepare';
export { FORECAST_KEYS, type ForecastKey, type ForecastRow };

/** Parameter multipliers of one Monte Carlo draw (all 1 without uncertainty). */
export interface Multipliers {
  hospiceShare: number;
  expectedShare: number;
  losMean: number;
  deathLevel: number;
}

export interface RunOptions {
  readonly target: number | undefined;
  readonly pooling: PoolingLevel | undefined;
  /** Uncensored demand per admission (1 + refusals ÷ admissions × (1 − multiple registration)). */
  readonly uncensoring: number;
  readonly multipleRegistrationShare: number;
}

/** Per region and draw: the reported-demand scale and the death draw as a z-score. */
export interface EvaluateOptions extends RunOptions {
  readonly demandFactor: number;
  deathZ: number;
}

/** Standardises a death-level draw into a z-score of the scenario's distribution. */
export function deathZ(d: MultiplierDistribution, value: number): number {
  if (d.distribution === 'normal') {
    return d.sd > 0 ? (value - d.mean) / d.sd : 0;
  }
  const { min: a, mode: c, max: b } = d;
  const sd = Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18);
  return sd > 0 ? (value - (a + b + c) / 3) / sd : 0;
}

/**
 * Demand scale of a region that reports its own activity: its observed uncensored demand over the
 * demand the defaults give in the year of the figures (1 without reported figures).
 */
export function observedDemandFactor(
  region: PreparedRegion,
  scenario: PreparedScenario,
  run: RunOptions,
): number {
  const observed = region.input.observed;
  if (observed === undefined) {
    return 1;
  }
  const i = observed.year - YEAR0;
  const v = scenario.values;
  const informal = 1 + v.informalCareK[i]! * (1 - v.informalCareIndex[i]!);
  const modelled =
    region.deaths[i]! *
    v.expectedShare[i]! *
    v.hospiceShare[i]! *
    (1 + v.aliveDischargeShare[i]!) *
    informal *
    run.uncensoring;
  const demand =
    observed.admissionsPerYear + observed.refusalsPerYear * (1 - run.multipleRegistrationShare);
  return modelled > 0 ? demand / modelled : 1;
}

/** Mean LOS in a year: the scenario's, or the region's reported LOS moved along the scenario path. */
function meanStay(region: PreparedRegion, scenario: PreparedScenario, yearIndex: number): number {
  const path = scenario.values.losMean;
  const observed = region.input.observed;
  return observed === undefined
    ? path[yearIndex]!
    : (observed.meanLengthOfStay * path[yearIndex]!) / path[observed.year - YEAR0]!;
}

/** Sizes the pools, blending two levels while a scenario's pooling change is in progress. */
function sizeAtLevel(
  region: PreparedRegion,
  scenario: PreparedScenario,
  yearIndex: number,
  override: PoolingLevel | undefined,
  load: number,
  target: number,
  out: Float64Array,
  offset: number,
): void {
  if (override !== undefined) {
    sizePools(region.pools, override, load, target, out, offset);
    return;
  }
  sizePools(region.pools, scenario.poolingTo[yearIndex]!, load, target, out, offset);
  const w = scenario.poolingWeight[yearIndex]!;
  if (w < 1) {
    const beds = out[offset + BEDS_ERLANG]!;
    const carriedNeeded = out[offset + CARRIED_NEEDED]!;
    const carriedCurrent = out[offset + CARRIED_CURRENT]!;
    const refused = out[offset + REFUSED_LOAD]!;
    sizePools(region.pools, scenario.poolingFrom[yearIndex]!, load, target, out, offset);
    out[offset + BEDS_ERLANG] = w * beds + (1 - w) * out[offset + BEDS_ERLANG]!;
    out[offset + CARRIED_NEEDED] = w * carriedNeeded + (1 - w) * out[offset + CARRIED_NEEDED]!;
    out[offset + CARRIED_CURRENT] = w * carriedCurrent + (1 - w) * out[offset + CARRIED_CURRENT]!;
    out[offset + REFUSED_LOAD] = w * refused + (1 - w) * out[offset + REFUSED_LOAD]!;
  }
}

/** Evaluates one region in one year (index) for one set of multipliers, into out[offset..]. */
export function evaluate(
  region: PreparedRegion,
  scenario: PreparedScenario,
  yearIndex: number,
  m: Multipliers,
  options: EvaluateOptions,
  out: Float64Array,
  offset: number,
): void {
  const v = scenario.values;
  const h = scenario.horizon[yearIndex]!;
  const sd = region.deathsLogSd[yearIndex]!;
  // Deaths: the demography's band where given (zero in observed years), else the scenario's death
  // level fanning out linearly after 2024.
  const deathFactor = Number.isNaN(sd)
    ? 1 + (m.deathLevel - 1) * h * h
    : Math.exp(sd * options.deathZ);
  const deaths = region.deaths[yearIndex]! * scenario.mortalityAdjustment[yearIndex]! * deathFactor;
  // Shares are calibrated to observed counts up to 2024; their uncertainty grows with the horizon.
  const expected =
    deaths * Math.min(1, v.expectedShare[yearIndex]! * (1 + (m.expectedShare - 1) * h));
  const informal = 1 + v.informalCareK[yearIndex]! * (1 - v.informalCareIndex[yearIndex]!);
  const share = Math.min(1, v.hospiceShare[yearIndex]! * (1 + (m.hospiceShare - 1) * h));
  const requests =
    expected *
    share *
    (1 + v.aliveDischargeShare[yearIndex]!) *
    informal *
    options.uncensoring *
    options.demandFactor;
  const load = (requests / 365) * meanStay(region, scenario, yearIndex) * m.losMean;
  const target = options.target ?? v.targetRefusal[yearIndex]!;
  out[offset + DEATHS] = deaths;
  out[offset + EXPECTED] = expected;
  out[offset + REQUESTS] = requests;
  out[offset + LOAD] = load;
  out[offset + BEDS_NORM] = Math.ceil(load / v.occupancyNorm[yearIndex]! - 1e-9);
  out[offset + BEDS_CURRENT] = region.currentBeds;
  sizeAtLevel(region, scenario, yearIndex, options.pooling, load, target, out, offset);
}

export interface UncertaintyOptions {
  /** Monte Carlo draws (≥ 2). */
  readonly draws: number;
  /** Seed, a non-negative integer. The same draws are used for every region (national parameters). */
  readonly seed: number;
}

export interface ForecastOptions {
  /** First and last year, within 2000–2050 (up to 2024 observed deaths and calibrated shares). */
  readonly from: number;
  readonly to: number;
  /** Target refusal probability; overrides the scenario's path. */
  readonly target?: number;
  /** Pooling level; overrides the scenario's path. */
  readonly pooling?: PoolingLevel;
  readonly uncertainty?: UncertaintyOptions;
  /**
   * Share of refused people registered at several hospices [assumption, default 0.5]: demand =
   * admissions + refusals × (1 − this share).
   */
  readonly multipleRegistrationShare?: number;
}

export function checkOptions(options: ForecastOptions): void {
  const { from, to, target, pooling, uncertainty, multipleRegistrationShare } = options;
  if (!Number.isInteger(from) || from < YEAR0 || from > LAST_YEAR) {
    throw invalid('from', from);
  }
  if (!Number.isInteger(to) || to < from || to > LAST_YEAR) {
    throw invalid('to', to);
  }
  if (target !== undefined && !(target > 0 && target < 1)) {
    throw invalid('target', target);
  }
  if (
    pooling !== undefined &&
    pooling !== 'hospice' &&
    pooling !== 'cluster' &&
    pooling !== 'region'
  ) {
    throw invalid('pooling', pooling);
  }
  if (
    multipleRegistrationShare !== undefined &&
    !(multipleRegistrationShare >= 0 && multipleRegistrationShare <= 1)
  ) {
    throw invalid('multipleRegistrationShare', multipleRegistrationShare);
  }
  if (uncertainty !== undefined) {
    if (!Number.isInteger(uncertainty.draws) || uncertainty.draws < 2) {
      throw invalid('uncertainty.draws', uncertainty.draws);
    }
    if (!Number.isSafeInteger(uncertainty.seed) || uncertainty.seed < 0) {
      throw invalid('uncertainty.seed', uncertainty.seed);
    }
  }
}

function sampleMultiplier(d: MultiplierDistribution, rng: Rng): number {
  if (d.distribution === 'triangular') {
    return triangularFromUniform(rng.next(), d.min, d.mode, d.max);
  }
  // A normal multiplier below zero has no meaning; with the allowed sd ≤ mean this is rare.
  return Math.max(0, d.mean + d.sd * rng.standardNormal());
}

/** Multipliers per draw, [hospiceShare, expectedShare, losMean, deathLevel] × draws. */
export function drawMultipliers(
  scenario: Scenario,
  uncertainty: UncertaintyOptions | undefined,
): Float64Array {
  if (uncertainty === undefined) {
    return Float64Array.of(1, 1, 1, 1);
  }
  const rng = new Rng(uncertainty.seed);
  const out = new Float64Array(uncertainty.draws * 4);
  const u = scenario.uncertainty;
  for (let d = 0; d < uncertainty.draws; d++) {
    out[4 * d] = sampleMultiplier(u.hospiceShare, rng);
    out[4 * d + 1] = sampleMultiplier(u.expectedShare, rng);
    out[4 * d + 2] = sampleMultiplier(u.losMean, rng);
    out[4 * d + 3] = sampleMultiplier(u.deathLevel, rng);
  }
  return out;
}

/** The run options of a forecast: overrides and the uncensoring of demand. */
export function runOptionsOf(options: ForecastOptions): RunOptions {
  const multipleRegistrationShare =
    options.multipleRegistrationShare ?? DEFAULT_MULTIPLE_REGISTRATION_SHARE;
  return {
    target: options.target,
    pooling: options.pooling,
    multipleRegistrationShare,
    uncensoring: uncensoringFactor(multipleRegistrationShare),
  };
}

/** Runs every draw and year of one region into acc (layout [year][draw][slot]). */
function runRegion(
  region: PreparedRegion,
  scenario: PreparedScenario,
  options: ForecastOptions,
  multipliers: Float64Array,
  deathLevel: MultiplierDistribution,
  acc: Float64Array,
): void {
  const draws = multipliers.length / 4;
  const m: Multipliers = { hospiceShare: 1, expectedShare: 1, losMean: 1, deathLevel: 1 };
  const base = runOptionsOf(options);
  const run: EvaluateOptions = {
    ...base,
    demandFactor: observedDemandFactor(region, scenario, base),
    deathZ: 0,
  };
  for (let y = options.from; y <= options.to; y++) {
    const yearIndex = y - YEAR0;
    const row = (y - options.from) * draws;
    for (let d = 0; d < draws; d++) {
      m.hospiceShare = multipliers[4 * d]!;
      m.expectedShare = multipliers[4 * d + 1]!;
      m.losMean = multipliers[4 * d + 2]!;
      m.deathLevel = multipliers[4 * d + 3]!;
      run.deathZ = draws > 1 ? deathZ(deathLevel, m.deathLevel) : 0;
      evaluate(region, scenario, yearIndex, m, run, acc, (row + d) * SLOTS);
    }
  }
}

/**
 * Forecast for one region (or NL as a single region), one row per year from `from` to `to`.
 *
 * Pipeline per year (docs/method.md):
 * - deaths: given deaths (observed, or the demography pipeline's), else Σ population(band) ×
 *   national rate(band, year) (see population.ts);
 * - expectedDeaths = deaths × expected share;
 * - hospiceRequests = expectedDeaths × hospice share × (1 + alive-discharge share)
 *   × (1 + k·(1 − informal-care index)) × uncensoring: demand per year, including the requests
 *   refused (each refused person once);
 * - offeredLoad = hospiceRequests / 365 × mean LOS (erlangs);
 * - bedsNeededErlang: smallest beds with Erlang B ≤ target at the pooling level: 'hospice' (today's
 *   houses apart, the load split in proportion to their beds), 'cluster' (groups of houses),
 *   'region' (one pool); without hospices, virtual houses of 6 beds (clusters of 3 houses); a
 *   scenario's change of level ramps over POOLING_RAMP_YEARS;
 * - bedsNeededNorm = ⌈offeredLoad / occupancy norm⌉ (the fixed 80% rule of Dutch capacity studies);
 * - gap = bedsNeededErlang − currentBeds; refusalShareCurrentBeds = load-weighted Erlang B of
 *   today's beds at this load and pooling (refused requests are lost, not queued).
 *
 * With `uncertainty`, every value is {p10, p50, p90} over Monte Carlo draws of the scenario's
 * multipliers (hospice share, expected share, LOS mean, death level), seeded and deterministic.
 */
export function forecast(
  input: RegionInput,
  scenario: Scenario,
  options: ForecastOptions & { readonly uncertainty: UncertaintyOptions },
): ForecastRow<Band>[];
export function forecast(
  input: RegionInput,
  scenario: Scenario,
  options: ForecastOptions & { readonly uncertainty?: undefined },
): ForecastRow<number>[];
export function forecast(
  input: RegionInput,
  scenario: Scenario,
  options: ForecastOptions,
): ForecastRow<number>[] | ForecastRow<Band>[];
export function forecast(
  input: RegionInput,
  scenario: Scenario,
  options: ForecastOptions,
): ForecastRow<number>[] | ForecastRow<Band>[] {
  checkOptions(options);
  const region = prepareRegion(input);
  const prepared = prepareScenario(scenario);
  const multipliers = drawMultipliers(scenario, options.uncertainty);
  const draws = multipliers.length / 4;
  const years = options.to - options.from + 1;
  const acc = new Float64Array(years * draws * SLOTS);
  runRegion(region, prepared, options, multipliers, scenario.uncertainty.deathLevel, acc);
  return options.uncertainty === undefined
    ? rowsFromPoint(acc, options.from, options.to)
    : rowsFromDraws(
        acc,
        options.from,
        options.to,
        draws,
        new Float64Array(draws),
        drawOrders(prepared, multipliers, options.from, options.to),
      );
}

/**
 * The Monte Carlo draws behind a forecast with uncertainty: per year, every output per draw (same
 * order of draws in every year and region), e.g. for histograms or for checking the bands. Same
 * pipeline, units and seeding as {@link forecast}.
 */
export function forecastDraws(
  input: RegionInput,
  scenario: Scenario,
  options: ForecastOptions & { readonly uncertainty: UncertaintyOptions },
): { readonly year: number; readonly values: { readonly [key in ForecastKey]: Float64Array } }[] {
  checkOptions(options);
  const multipliers = drawMultipliers(scenario, options.uncertainty);
  const draws = multipliers.length / 4;
  const years = options.to - options.from + 1;
  const acc = new Float64Array(years * draws * SLOTS);
  runRegion(
    prepareRegion(input),
    prepareScenario(scenario),
    options,
    multipliers,
    scenario.uncertainty.deathLevel,
    acc,
  );
  return Array.from({ length: years }, (_, i) => {
    const values = {} as Record<ForecastKey, Float64Array>;
    for (const key of FORECAST_KEYS) {
      values[key] = new Float64Array(draws);
      fillKey(key, acc, i * draws * SLOTS, draws, values[key]);
    }
    return { year: options.from + i, values };
  });
}

export interface NationForecast<T> {
  /** NL = sum over the regions, each pooled at the chosen level; ratios recomputed from the sums. */
  readonly nation: ForecastRow<T>[];
  readonly regions: readonly { readonly code: string; readonly rows: ForecastRow<T>[] }[];
}

/**
 * National forecast: every region forecast as in {@link forecast} and summed per year (and per draw,
 * so national bands are bands of the national total, not sums of regional bands). The Monte Carlo
 * multipliers are national: one draw applies to every region alike (fully correlated regions).
 */
export function forecastNation(
  regions: readonly RegionInput[],
  scenario: Scenario,
  options: ForecastOptions & { readonly uncertainty: UncertaintyOptions },
): NationForecast<Band>;
export function forecastNation(
  regions: readonly RegionInput[],
  scenario: Scenario,
  options: ForecastOptions & { readonly uncertainty?: undefined },
): NationForecast<number>;
export function forecastNation(
  regions: readonly RegionInput[],
  scenario: Scenario,
  options: ForecastOptions,
): NationForecast<number> | NationForecast<Band>;
export function forecastNation(
  regions: readonly RegionInput[],
  scenario: Scenario,
  options: ForecastOptions,
): NationForecast<number> | NationForecast<Band> {
  checkOptions(options);
  const codes = new Set<string>();
  for (const region of regions) {
    if (codes.has(region.code)) {
      throw invalid('regions', `duplicate ${region.code}`);
    }
    codes.add(region.code);
  }
  const prepared = prepareScenario(scenario);
  const multipliers = drawMultipliers(scenario, options.uncertainty);
  const draws = multipliers.length / 4;
  const years = options.to - options.from + 1;
  const size = years * draws * SLOTS;
  const nation = new Float64Array(size);
  const acc = new Float64Array(size);
  const scratch = new Float64Array(draws);
  const isBand = options.uncertainty !== undefined;
  const orders = isBand ? drawOrders(prepared, multipliers, options.from, options.to) : [];
  const regionRows: { code: string; rows: ForecastRow<number>[] | ForecastRow<Band>[] }[] = [];
  for (const input of regions) {
    runRegion(
      prepareRegion(input),
      prepared,
      options,
      multipliers,
      scenario.uncertainty.deathLevel,
      acc,
    );
    for (let i = 0; i < size; i++) {
      nation[i]! += acc[i]!;
    }
    regionRows.push({
      code: input.code,
      rows: isBand
        ? rowsFromDraws(acc, options.from, options.to, draws, scratch, orders)
        : rowsFromPoint(acc, options.from, options.to),
    });
  }
  const nationRows = isBand
    ? rowsFromDraws(nation, options.from, options.to, draws, scratch, orders)
    : rowsFromPoint(nation, options.from, options.to);
  return { nation: nationRows, regions: regionRows } as
    NationForecast<number> | NationForecast<Band>;
}
