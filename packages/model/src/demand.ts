// Demand pipeline per region and year, 2000–2050 (observed years up to 2024, scenarios after):
// deaths → expected deaths → hospice demand (admissions and uncensored refusals) → offered load →
// beds (Erlang B at a pooling level, and the fixed occupancy norm) → gap with today's beds and the
// refusals today's beds would give. docs/method.md.

import { invalid } from './checks';
import { DEFAULT_MULTIPLE_REGISTRATION_SHARE, uncensoringFactor } from './demand-calibration';
import {
  BandScratch,
  bandRow,
  drawColumns,
  drawOrders,
  loadOrder,
  pointRow,
  rowsFromDraws,
  rowsFromPoint,
} from './forecast-bands';
import {
  type EvaluateOptions,
  type Multipliers,
  type RegionRunOptions,
  type RunOptions,
  YearDraws,
  evaluateYear,
} from './forecast-run';
import { type ForecastKey, type ForecastRow, KEY_COUNT, SLOTS } from './forecast-slots';
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
export { FORECAST_KEYS, type ForecastKey, type ForecastRow } from './forecast-slots';
export type { EvaluateOptions, Multipliers, RunOptions };

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

/** The run options of one region: the forecast's, with the region's reported-demand scale. */
function regionRunOptions(
  region: PreparedRegion,
  scenario: PreparedScenario,
  options: ForecastOptions,
): RegionRunOptions {
  const base = runOptionsOf(options);
  return { ...base, demandFactor: observedDemandFactor(region, scenario, base) };
}

/** Runs every draw and year of one region into acc (layout [year][draw][slot]). */
function runRegion(
  region: PreparedRegion,
  scenario: PreparedScenario,
  options: ForecastOptions,
  draws: YearDraws,
  acc: Float64Array,
): void {
  const run = regionRunOptions(region, scenario, options);
  const size = draws.losMean.length * SLOTS;
  for (let y = options.from; y <= options.to; y++) {
    draws.setYear(scenario, y - YEAR0);
    evaluateYear(region, scenario, y - YEAR0, draws, run, acc, (y - options.from) * size);
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
  runRegion(
    region,
    prepared,
    options,
    new YearDraws(multipliers, scenario.uncertainty.deathLevel),
    acc,
  );
  return options.uncertainty === undefined
    ? rowsFromPoint(acc, options.from, options.to)
    : rowsFromDraws(
        acc,
        options.from,
        options.to,
        drawOrders(prepared, multipliers, options.from, options.to),
        new BandScratch(draws),
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
    new YearDraws(multipliers, scenario.uncertainty.deathLevel),
    acc,
  );
  const columns = new Float64Array(KEY_COUNT * draws);
  return Array.from({ length: years }, (_, i) => ({
    year: options.from + i,
    values: drawColumns(acc, i * draws * SLOTS, draws, columns),
  }));
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
  const yearDraws = new YearDraws(multipliers, scenario.uncertainty.deathLevel);
  const draws = multipliers.length / 4;
  const isBand = options.uncertainty !== undefined;
  const orders = isBand ? drawOrders(prepared, multipliers, options.from, options.to) : [];
  const scratch = new BandScratch(draws);
  const pointValues = new Float64Array(KEY_COUNT);
  const rowOf = (acc: Float64Array, year: number) =>
    isBand
      ? bandRow(acc, 0, year, orders[year - options.from]!, scratch)
      : pointRow(acc, 0, year, pointValues);
  const runs = regions.map((input) => {
    const region = prepareRegion(input);
    return { region, options: regionRunOptions(region, prepared, options) };
  });
  const regionRows = regions.map((input) => ({
    code: input.code,
    rows: [] as (ForecastRow<number> | ForecastRow<Band>)[],
  }));
  const nationRows: (ForecastRow<number> | ForecastRow<Band>)[] = [];
  // Year by year, so that one year's draws of a region and of the nation stay in the CPU cache
  // (draws × SLOTS values each) while they are summed and banded. The nation is summed in the
  // order of the regions, as a region-by-region run would.
  const acc = new Float64Array(draws * SLOTS);
  const nation = new Float64Array(draws * SLOTS);
  for (let y = options.from; y <= options.to; y++) {
    const yearIndex = y - YEAR0;
    yearDraws.setYear(prepared, yearIndex);
    yearDraws.order = isBand ? loadOrder(orders[y - options.from]!) : null;
    nation.fill(0);
    for (let r = 0; r < runs.length; r++) {
      const run = runs[r]!;
      evaluateYear(run.region, prepared, yearIndex, yearDraws, run.options, acc, 0);
      addInto(nation, acc);
      regionRows[r]!.rows.push(rowOf(acc, y));
    }
    nationRows.push(rowOf(nation, y));
  }
  return { nation: nationRows, regions: regionRows } as
    NationForecast<number> | NationForecast<Band>;
}

/**
 * target[i] += source[i] for every i. Four elements per turn of the loop: the loop's own test and
 * the engine's bounds checks cost about as much as the additions, and a national run adds 32
 * million (31 regions × 26 years × 4 scenarios × 1,000 draws × 10 slots).
 */
function addInto(target: Float64Array, source: Float64Array): void {
  const n = source.length;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    target[i]! += source[i]!;
    target[i + 1]! += source[i + 1]!;
    target[i + 2]! += source[i + 2]!;
    target[i + 3]! += source[i + 3]!;
  }
  for (; i < n; i++) {
    target[i]! += source[i]!;
  }
}
