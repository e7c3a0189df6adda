// Demand pipeline per region and year, 2024–2050:
// deaths → expected deaths → hospice requests → offered load → beds (Erlang B at a pooling level,
// and the fixed occupancy norm) → gap with today's beds and the refusals today's beds would give.
// Method: docs/research.md §0, §5, §6; docs/method.md.

import { invalid } from './checks';
import { erlangBUnchecked, maxOfferedLoad, minBedsForTargetUnchecked } from './erlang';
import {
  AGE_BANDS,
  FIRST_POPULATION_YEAR,
  type AgeBands,
  MORTALITY_2024,
  eightyPlusMixFactor,
  projectPopulation,
} from './population';
import { Rng, triangularFromUniform } from './random';
import {
  FIRST_YEAR,
  LAST_YEAR,
  NUMERIC_PARAMETERS,
  type MultiplierDistribution,
  type NumericParameter,
  type PoolingLevel,
  type Scenario,
  poolingAt,
  valueAt,
} from './scenarios';
import { type Band, bandInPlace } from './statistics';

export interface RegionInput {
  /** Zorgkantoorregio code ZK01–ZK33, or NL for the country as one region. */
  readonly code: string;
  readonly name?: string;
  /** Year of basePopulation (1 January), 2021–2050. Default 2024. */
  readonly baseYear?: number;
  /** Persons per age band in the base year. */
  readonly basePopulation: AgeBands;
  /** Imported prognosis: persons per age band by year; wins over the projection for those years. */
  readonly populationByYear?: Readonly<Record<number, AgeBands>>;
  /** Deaths per year, e.g. from a CBS/PBL prognosis; wins over the mortality model for those years. */
  readonly deathsByYear?: Readonly<Record<number, number>>;
  /** Licensed beds of each hospice in the region now (empty if there is none). */
  readonly hospiceBeds: readonly number[];
  /** Clusters of hospices (indices into hospiceBeds) for pooling 'cluster'. Default: groups of ~3. */
  readonly clusters?: readonly (readonly number[])[];
}

/** Default house size where a region has no hospice yet [assumption; most houses have 4–8 beds]. */
export const DEFAULT_HOUSE_BEDS = 6;
/** Houses per default cluster [assumption]. */
export const DEFAULT_CLUSTER_SIZE = 3;

const YEAR_COUNT = LAST_YEAR - FIRST_YEAR + 1;
const REGION_CODE = /^(ZK\d{2}|NL)$/;

/**
 * Default clusters: hospices in the given order cut into round(n/3) contiguous groups of near-equal
 * size (so 7 hospices give groups of 3 and 4). Order hospices geographically for meaningful
 * clusters, or pass clusters explicitly.
 */
export function defaultClusters({ hospiceCount }: { readonly hospiceCount: number }): number[][] {
  if (!Number.isInteger(hospiceCount) || hospiceCount < 0) {
    throw invalid('hospiceCount', hospiceCount);
  }
  if (hospiceCount === 0) {
    return [];
  }
  const groups = Math.max(1, Math.round(hospiceCount / DEFAULT_CLUSTER_SIZE));
  const clusters: number[][] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * hospiceCount) / groups);
    const to = Math.floor(((g + 1) * hospiceCount) / groups);
    clusters.push(Array.from({ length: to - from }, (_, i) => from + i));
  }
  return clusters;
}

/** Pools of one pooling level: share of the region's load and today's beds per pool. */
interface PoolStructure {
  readonly weights: Float64Array;
  readonly beds: Int32Array;
  /** Hospice indices per pool (for the capacity detail). */
  readonly members: readonly (readonly number[])[];
  /**
   * The same pools with equal pools merged (equal beds means equal load share): the hot loop sizes
   * each distinct pool once and multiplies. Most houses have 4–8 beds, so this halves the work.
   */
  readonly distinctBeds: Int32Array;
  readonly distinctWeights: Float64Array;
  readonly distinctCounts: Int32Array;
}

interface PreparedRegion {
  readonly input: RegionInput;
  readonly currentBeds: number;
  /** Null when the region has no hospice: pools are then virtual houses of default size. */
  readonly pools: { readonly [level in PoolingLevel]: PoolStructure } | null;
  /** Deaths from population × mortality before the yearly improvement, per year index. */
  readonly deathsBeforeImprovement: Float64Array;
  /** Deaths given by the caller per year index (NaN where not given). */
  readonly givenDeaths: Float64Array;
}

function checkBands(name: string, bands: AgeBands): void {
  for (const band of AGE_BANDS) {
    const v = bands[band];
    if (!Number.isFinite(v) || v < 0) {
      throw invalid(`${name}.${band}`, v);
    }
  }
}

function structureFrom(
  beds: readonly number[],
  groups: readonly (readonly number[])[],
): PoolStructure {
  const total = beds.reduce((s, b) => s + b, 0);
  const poolBeds = groups.map((g) => g.reduce((s, i) => s + beds[i]!, 0));
  const distinct = [...new Set(poolBeds)].sort((a, b) => a - b);
  return {
    weights: Float64Array.from(poolBeds, (b) => b / total),
    beds: Int32Array.from(poolBeds),
    members: groups,
    distinctBeds: Int32Array.from(distinct),
    distinctWeights: Float64Array.from(distinct, (b) => b / total),
    distinctCounts: Int32Array.from(distinct, (b) => poolBeds.filter((x) => x === b).length),
  };
}

const preparedRegions = new WeakMap<RegionInput, PreparedRegion>();

function prepareRegion(input: RegionInput): PreparedRegion {
  const cached = preparedRegions.get(input);
  if (cached !== undefined) {
    return cached;
  }
  if (typeof input.code !== 'string' || !REGION_CODE.test(input.code)) {
    throw invalid('code', input.code);
  }
  const baseYear = input.baseYear ?? FIRST_YEAR;
  if (!Number.isInteger(baseYear) || baseYear < FIRST_POPULATION_YEAR || baseYear > LAST_YEAR) {
    throw invalid('baseYear', baseYear);
  }
  checkBands('basePopulation', input.basePopulation);
  const hospiceBeds = input.hospiceBeds;
  hospiceBeds.forEach((b, i) => {
    if (!Number.isInteger(b) || b <= 0) {
      throw invalid(`hospiceBeds[${i}]`, b);
    }
  });
  const n = hospiceBeds.length;
  let pools: PreparedRegion['pools'] = null;
  if (n > 0) {
    const clusters = input.clusters ?? defaultClusters({ hospiceCount: n });
    const seen = new Array<number>(n).fill(0);
    for (const cluster of clusters) {
      if (cluster.length === 0) {
        throw invalid('clusters', clusters);
      }
      for (const i of cluster) {
        if (!Number.isInteger(i) || i < 0 || i >= n) {
          throw invalid('clusters', clusters);
        }
        seen[i]!++;
      }
    }
    const wrong = seen.findIndex((count) => count !== 1);
    if (wrong >= 0) {
      // Every hospice must be in exactly one cluster.
      throw invalid('clusters', clusters);
    }
    pools = {
      hospice: structureFrom(
        hospiceBeds,
        hospiceBeds.map((_, i) => [i]),
      ),
      cluster: structureFrom(hospiceBeds, clusters),
      region: structureFrom(hospiceBeds, [hospiceBeds.map((_, i) => i)]),
    };
  }

  // Population anchors: the base year plus imported prognosis years.
  const anchors = new Map<number, AgeBands>([[baseYear, input.basePopulation]]);
  for (const [key, bands] of Object.entries(input.populationByYear ?? {})) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < FIRST_POPULATION_YEAR || year > LAST_YEAR) {
      throw invalid('populationByYear year', key);
    }
    checkBands(`populationByYear.${key}`, bands);
    anchors.set(year, bands);
  }
  const anchorYears = [...anchors.keys()].sort((a, b) => a - b);
  const deathsBeforeImprovement = new Float64Array(YEAR_COUNT);
  for (let i = 0; i < YEAR_COUNT; i++) {
    const year = FIRST_YEAR + i;
    // Project from the latest anchor at or before the year (else the earliest after it).
    const from = anchorYears.filter((y) => y <= year).at(-1) ?? anchorYears[0]!;
    const population =
      from === year
        ? anchors.get(year)!
        : projectPopulation({ basePopulation: anchors.get(from)!, baseYear: from, year });
    deathsBeforeImprovement[i] =
      population['0-64'] * MORTALITY_2024['0-64'] +
      population['65-79'] * MORTALITY_2024['65-79'] +
      population['80+'] * MORTALITY_2024['80+'] * eightyPlusMixFactor({ year });
  }
  const givenDeaths = new Float64Array(YEAR_COUNT).fill(NaN);
  for (const [key, deaths] of Object.entries(input.deathsByYear ?? {})) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw invalid('deathsByYear year', key);
    }
    if (!Number.isFinite(deaths) || deaths < 0) {
      throw invalid(`deathsByYear.${key}`, deaths);
    }
    givenDeaths[year - FIRST_YEAR] = deaths;
  }
  const prepared: PreparedRegion = {
    input,
    currentBeds: hospiceBeds.reduce((s, b) => s + b, 0),
    pools,
    deathsBeforeImprovement,
    givenDeaths,
  };
  preparedRegions.set(input, prepared);
  return prepared;
}

/** Scenario values per year index 2024..2050, computed once per scenario. */
interface PreparedScenario {
  readonly values: { readonly [key in NumericParameter]: Float64Array };
  readonly pooling: readonly PoolingLevel[];
  /** Π over 2025..year of (1 − mortality improvement). */
  readonly cumulativeImprovement: Float64Array;
}

const preparedScenarios = new WeakMap<Scenario, PreparedScenario>();

function prepareScenario(scenario: Scenario): PreparedScenario {
  const cached = preparedScenarios.get(scenario);
  if (cached !== undefined) {
    return cached;
  }
  const values = {} as Record<NumericParameter, Float64Array>;
  for (const key of NUMERIC_PARAMETERS) {
    values[key] = Float64Array.from({ length: YEAR_COUNT }, (_, i) =>
      valueAt({ path: scenario.parameters[key], year: FIRST_YEAR + i }),
    );
  }
  const pooling = Array.from({ length: YEAR_COUNT }, (_, i) =>
    poolingAt({ path: scenario.parameters.pooling, year: FIRST_YEAR + i }),
  );
  const cumulativeImprovement = new Float64Array(YEAR_COUNT);
  let factor = 1;
  for (let i = 0; i < YEAR_COUNT; i++) {
    if (i > 0) {
      factor *= 1 - values.mortalityImprovement[i]!;
    }
    cumulativeImprovement[i] = factor;
  }
  const prepared = { values, pooling, cumulativeImprovement };
  preparedScenarios.set(scenario, prepared);
  return prepared;
}

// Additive quantities per region-year (summed over regions for the nation); ratios are derived.
const DEATHS = 0;
const EXPECTED = 1;
const REQUESTS = 2;
const LOAD = 3;
const BEDS_ERLANG = 4;
const BEDS_NORM = 5;
const BEDS_CURRENT = 6;
const CARRIED_NEEDED = 7;
const CARRIED_CURRENT = 8;
const REFUSED_LOAD = 9;
const SLOTS = 10;

// Largest load a house (or cluster of default houses) of the default size carries at a target.
const unitLoadCache = new Map<string, number>();
function unitMaxLoad(beds: number, target: number): number {
  const key = `${beds}:${target}`;
  let load = unitLoadCache.get(key);
  if (load === undefined) {
    load = maxOfferedLoad({ beds, target });
    unitLoadCache.set(key, load);
  }
  return load;
}

/**
 * Sizes the pools of one pooling level for a load and writes the additive results into out[offset..].
 * Hot path of the Monte Carlo: no allocation.
 */
function sizePools(
  pools: PreparedRegion['pools'],
  level: PoolingLevel,
  load: number,
  target: number,
  out: Float64Array,
  offset: number,
): void {
  let bedsNeeded = 0;
  let carriedNeeded = 0;
  let carriedCurrent = 0;
  let refusedLoad = 0;
  if (pools === null) {
    // No hospice yet: virtual houses of the default size (clusters of 3 such houses), or one pool.
    if (level === 'region') {
      bedsNeeded = minBedsForTargetUnchecked(load, target);
      carriedNeeded = load * (1 - erlangBUnchecked(load, bedsNeeded));
    } else if (load > 0) {
      const unitBeds =
        level === 'hospice' ? DEFAULT_HOUSE_BEDS : DEFAULT_HOUSE_BEDS * DEFAULT_CLUSTER_SIZE;
      const units = Math.max(1, Math.ceil(load / unitMaxLoad(unitBeds, target)));
      const unitLoad = load / units;
      const unitNeeded = minBedsForTargetUnchecked(unitLoad, target);
      bedsNeeded = units * unitNeeded;
      carriedNeeded = units * unitLoad * (1 - erlangBUnchecked(unitLoad, unitNeeded));
    }
    refusedLoad = load;
  } else {
    const inverseTarget = 1 / target;
    const structure = pools[level];
    const weights = structure.distinctWeights;
    const beds = structure.distinctBeds;
    const counts = structure.distinctCounts;
    for (let j = 0; j < weights.length; j++) {
      const a = load * weights[j]!;
      const current = beds[j]!;
      const count = counts[j]!;
      if (a === 0) {
        continue; // no load: nothing needed, carried or refused
      }
      // One pass of the Erlang B recursion serves both questions: B at today's beds and the first
      // bed count meeting the target share the prefix B₁, B₂, … This loop is the Monte Carlo's hot
      // spot (bench/model-bench.ts), so it runs the same recursion on 1/B, which needs no division:
      // 1/Bₖ = 1 + (k/a)·(1/Bₖ₋₁). All terms are positive, so it is as stable as the B form; for
      // huge bed counts it may reach +∞, which correctly gives B = 0.
      const inverseLoad = 1 / a;
      let inverse = 1;
      let k = 0;
      let needed = -1;
      let inverseNeeded = 1;
      let inverseCurrent = 1;
      while (needed < 0 || k < current) {
        k++;
        inverse = 1 + k * inverseLoad * inverse;
        if (k === current) {
          inverseCurrent = inverse;
        }
        if (needed < 0 && inverse >= inverseTarget) {
          needed = k;
          inverseNeeded = inverse;
        }
      }
      const blockingNeeded = 1 / inverseNeeded;
      const blockingCurrent = 1 / inverseCurrent;
      bedsNeeded += count * needed;
      carriedNeeded += count * a * (1 - blockingNeeded);
      const blocked = count * a * blockingCurrent;
      refusedLoad += blocked;
      carriedCurrent += count * a - blocked;
    }
  }
  out[offset + BEDS_ERLANG] = bedsNeeded;
  out[offset + CARRIED_NEEDED] = carriedNeeded;
  out[offset + CARRIED_CURRENT] = carriedCurrent;
  out[offset + REFUSED_LOAD] = refusedLoad;
}

/** Parameter multipliers of one Monte Carlo draw (all 1 without uncertainty). */
interface Multipliers {
  hospiceShare: number;
  expectedShare: number;
  losMean: number;
  deathLevel: number;
}

interface RunOptions {
  readonly target: number | undefined;
  readonly pooling: PoolingLevel | undefined;
}

/** Evaluates one region in one year (index) for one set of multipliers, into out[offset..]. */
function evaluate(
  region: PreparedRegion,
  scenario: PreparedScenario,
  yearIndex: number,
  m: Multipliers,
  options: RunOptions,
  out: Float64Array,
  offset: number,
): void {
  const v = scenario.values;
  const given = region.givenDeaths[yearIndex]!;
  const modelled =
    region.deathsBeforeImprovement[yearIndex]! * scenario.cumulativeImprovement[yearIndex]!;
  // The death-level uncertainty fans out from none in 2024 to full in 2050.
  const fan = 1 + ((m.deathLevel - 1) * yearIndex) / (YEAR_COUNT - 1);
  const deaths = (Number.isNaN(given) ? modelled : given) * fan;
  const expected = deaths * Math.min(1, v.expectedShare[yearIndex]! * m.expectedShare);
  const informal = 1 + v.informalCareK[yearIndex]! * (1 - v.informalCareIndex[yearIndex]!);
  const share = Math.min(1, v.hospiceShare[yearIndex]! * m.hospiceShare);
  const requests = expected * share * (1 + v.aliveDischargeShare[yearIndex]!) * informal;
  const los = v.losMean[yearIndex]! * m.losMean;
  const load = (requests / 365) * los;
  const target = options.target ?? v.targetRefusal[yearIndex]!;
  const level = options.pooling ?? scenario.pooling[yearIndex]!;
  out[offset + DEATHS] = deaths;
  out[offset + EXPECTED] = expected;
  out[offset + REQUESTS] = requests;
  out[offset + LOAD] = load;
  out[offset + BEDS_NORM] = Math.ceil(load / v.occupancyNorm[yearIndex]! - 1e-9);
  out[offset + BEDS_CURRENT] = region.currentBeds;
  sizePools(region.pools, level, load, target, out, offset);
}

export const FORECAST_KEYS = [
  'deaths',
  'expectedDeaths',
  'hospiceRequests',
  'offeredLoad',
  'bedsNeededErlang',
  'bedsNeededNorm',
  'currentBeds',
  'gap',
  'refusalShareCurrentBeds',
  'refusalsPerYearCurrentBeds',
  'occupancyCurrentBeds',
  'occupancyAtNeeded',
  'meanLengthOfStay',
] as const;
export type ForecastKey = (typeof FORECAST_KEYS)[number];

/**
 * One year of a forecast. Units: deaths, expectedDeaths, hospiceRequests and
 * refusalsPerYearCurrentBeds per year; offeredLoad in erlangs (mean beds that would be occupied
 * without refusals); beds as counts; shares and occupancies in [0, 1]; meanLengthOfStay in days.
 */
export type ForecastRow<T> = { readonly year: number } & { readonly [key in ForecastKey]: T };

/** Derived value of one key from the additive slots. */
function derive(key: ForecastKey, s: Float64Array, o: number): number {
  switch (key) {
    case 'deaths':
      return s[o + DEATHS]!;
    case 'expectedDeaths':
      return s[o + EXPECTED]!;
    case 'hospiceRequests':
      return s[o + REQUESTS]!;
    case 'offeredLoad':
      return s[o + LOAD]!;
    case 'bedsNeededErlang':
      return s[o + BEDS_ERLANG]!;
    case 'bedsNeededNorm':
      return s[o + BEDS_NORM]!;
    case 'currentBeds':
      return s[o + BEDS_CURRENT]!;
    case 'gap':
      return s[o + BEDS_ERLANG]! - s[o + BEDS_CURRENT]!;
    case 'refusalShareCurrentBeds':
      return s[o + LOAD]! > 0 ? s[o + REFUSED_LOAD]! / s[o + LOAD]! : 0;
    case 'refusalsPerYearCurrentBeds':
      return s[o + LOAD]! > 0 ? (s[o + REQUESTS]! * s[o + REFUSED_LOAD]!) / s[o + LOAD]! : 0;
    case 'occupancyCurrentBeds':
      return s[o + BEDS_CURRENT]! > 0 ? s[o + CARRIED_CURRENT]! / s[o + BEDS_CURRENT]! : 0;
    case 'occupancyAtNeeded':
      return s[o + BEDS_ERLANG]! > 0 ? s[o + CARRIED_NEEDED]! / s[o + BEDS_ERLANG]! : 0;
    case 'meanLengthOfStay':
      return s[o + REQUESTS]! > 0 ? (s[o + LOAD]! * 365) / s[o + REQUESTS]! : 0;
  }
}

/** scratch[d] = derived value of `key` in draw d, for draws stored from acc[start]. */
function fillKey(
  key: ForecastKey,
  acc: Float64Array,
  start: number,
  draws: number,
  scratch: Float64Array,
): void {
  // Additive slots are copied directly (the common case); ratios go through derive().
  const slot =
    key === 'deaths'
      ? DEATHS
      : key === 'expectedDeaths'
        ? EXPECTED
        : key === 'hospiceRequests'
          ? REQUESTS
          : key === 'offeredLoad'
            ? LOAD
            : key === 'bedsNeededErlang'
              ? BEDS_ERLANG
              : key === 'bedsNeededNorm'
                ? BEDS_NORM
                : key === 'currentBeds'
                  ? BEDS_CURRENT
                  : -1;
  if (slot >= 0) {
    for (let d = 0, o = start + slot; d < draws; d++, o += SLOTS) {
      scratch[d] = acc[o]!;
    }
    return;
  }
  for (let d = 0, o = start; d < draws; d++, o += SLOTS) {
    scratch[d] = derive(key, acc, o);
  }
}

export interface UncertaintyOptions {
  /** Monte Carlo draws (≥ 2). */
  readonly draws: number;
  /** Seed, a non-negative integer. The same draws are used for every region (national parameters). */
  readonly seed: number;
}

export interface ForecastOptions {
  /** First and last year, within 2024–2050. */
  readonly from: number;
  readonly to: number;
  /** Target refusal probability; overrides the scenario's path. */
  readonly target?: number;
  /** Pooling level; overrides the scenario's path. */
  readonly pooling?: PoolingLevel;
  readonly uncertainty?: UncertaintyOptions;
}

function checkOptions(options: ForecastOptions): void {
  const { from, to, target, pooling, uncertainty } = options;
  if (!Number.isInteger(from) || from < FIRST_YEAR || from > LAST_YEAR) {
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
function drawMultipliers(
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

/** Runs every draw and year of one region into acc (layout [year][draw][slot]). */
function runRegion(
  region: PreparedRegion,
  scenario: PreparedScenario,
  options: ForecastOptions,
  multipliers: Float64Array,
  acc: Float64Array,
): void {
  const draws = multipliers.length / 4;
  const m: Multipliers = { hospiceShare: 1, expectedShare: 1, losMean: 1, deathLevel: 1 };
  const run: RunOptions = { target: options.target, pooling: options.pooling };
  for (let y = options.from; y <= options.to; y++) {
    const yearIndex = y - FIRST_YEAR;
    const row = (y - options.from) * draws;
    for (let d = 0; d < draws; d++) {
      m.hospiceShare = multipliers[4 * d]!;
      m.expectedShare = multipliers[4 * d + 1]!;
      m.losMean = multipliers[4 * d + 2]!;
      m.deathLevel = multipliers[4 * d + 3]!;
      evaluate(region, scenario, yearIndex, m, run, acc, (row + d) * SLOTS);
    }
  }
}

function rowsFromPoint(acc: Float64Array, from: number, to: number): ForecastRow<number>[] {
  const rows: ForecastRow<number>[] = [];
  for (let y = from; y <= to; y++) {
    const o = (y - from) * SLOTS;
    const row: Record<string, number> = { year: y };
    for (const key of FORECAST_KEYS) {
      row[key] = derive(key, acc, o);
    }
    rows.push(row as ForecastRow<number>);
  }
  return rows;
}

// Draw orders. Within one year, most outputs of every region (and of their sum) rise with one scalar
// of the draw's multipliers: deaths with the death level, requests with death level × shares, the
// load and everything sized from it (beds, gap, refusal share, occupancy of today's beds) with
// requests × LOS. Ordering the draws by that scalar once per year turns 32 × 13 quantile selections
// into reads. Each use checks that the values really are non-decreasing in that order and falls back
// to a selection otherwise, so the bands are exact either way.
const ORDER_DEATHS = 0;
const ORDER_EXPECTED = 1;
const ORDER_REQUESTS = 2;
const ORDER_LOAD = 3;
const ORDER_LOS = 4;
const ORDER_KINDS = 5;

const ORDER_OF_KEY: { readonly [key in ForecastKey]: number } = {
  deaths: ORDER_DEATHS,
  expectedDeaths: ORDER_EXPECTED,
  hospiceRequests: ORDER_REQUESTS,
  offeredLoad: ORDER_LOAD,
  bedsNeededErlang: ORDER_LOAD,
  bedsNeededNorm: ORDER_LOAD,
  currentBeds: ORDER_LOAD,
  gap: ORDER_LOAD,
  refusalShareCurrentBeds: ORDER_LOAD,
  occupancyCurrentBeds: ORDER_LOAD,
  refusalsPerYearCurrentBeds: -1,
  occupancyAtNeeded: -1,
  meanLengthOfStay: ORDER_LOS,
};

/** orders[(year − from) × ORDER_KINDS + kind] = draw indices sorted by that kind's scalar. */
function drawOrders(
  scenario: PreparedScenario,
  multipliers: Float64Array,
  from: number,
  to: number,
): Int32Array[] {
  const draws = multipliers.length / 4;
  const v = scenario.values;
  const orders: Int32Array[] = [];
  const keys = new Float64Array(draws);
  for (let y = from; y <= to; y++) {
    const i = y - FIRST_YEAR;
    for (let kind = 0; kind < ORDER_KINDS; kind++) {
      for (let d = 0; d < draws; d++) {
        const fan = 1 + ((multipliers[4 * d + 3]! - 1) * i) / (YEAR_COUNT - 1);
        const expected = fan * Math.min(1, v.expectedShare[i]! * multipliers[4 * d + 1]!);
        const requests = expected * Math.min(1, v.hospiceShare[i]! * multipliers[4 * d]!);
        const los = v.losMean[i]! * multipliers[4 * d + 2]!;
        keys[d] =
          kind === ORDER_DEATHS
            ? fan
            : kind === ORDER_EXPECTED
              ? expected
              : kind === ORDER_REQUESTS
                ? requests
                : kind === ORDER_LOAD
                  ? requests * los
                  : los;
      }
      const order = Int32Array.from({ length: draws }, (_, d) => d);
      order.sort((a, b) => keys[a]! - keys[b]! || a - b);
      orders.push(order);
    }
  }
  return orders;
}

/** Type 7 quantile of values already in ascending order. */
function sortedQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const k = Math.floor(h);
  const low = sorted[k]!;
  return k + 1 < sorted.length ? low + (h - k) * (sorted[k + 1]! - low) : low;
}

function rowsFromDraws(
  acc: Float64Array,
  from: number,
  to: number,
  draws: number,
  scratch: Float64Array,
  orders: readonly Int32Array[],
): ForecastRow<Band>[] {
  const rows: ForecastRow<Band>[] = [];
  for (let y = from; y <= to; y++) {
    const base = (y - from) * draws;
    const row: Record<string, number | Band> = { year: y };
    for (const key of FORECAST_KEYS) {
      const kind = ORDER_OF_KEY[key];
      if (kind >= 0) {
        const order = orders[(y - from) * ORDER_KINDS + kind]!;
        let isSorted = true;
        let previous = -Infinity;
        for (let r = 0; r < draws; r++) {
          const value = derive(key, acc, (base + order[r]!) * SLOTS);
          if (value < previous) {
            isSorted = false;
            break;
          }
          scratch[r] = value;
          previous = value;
        }
        if (isSorted) {
          row[key] = {
            p10: sortedQuantile(scratch, 0.1),
            p50: sortedQuantile(scratch, 0.5),
            p90: sortedQuantile(scratch, 0.9),
          };
          continue;
        }
      }
      fillKey(key, acc, base * SLOTS, draws, scratch);
      row[key] = bandInPlace(scratch);
    }
    rows.push(row as ForecastRow<Band>);
  }
  return rows;
}

/**
 * Forecast for one region (or NL as a single region), one row per year from `from` to `to`.
 *
 * Pipeline per year (docs/method.md; docs/research.md §0 and §6):
 * - deaths: given deaths, else Σ population(band) × mortality(band, year) (see population.ts);
 * - expectedDeaths = deaths × expected share;
 * - hospiceRequests = expectedDeaths × hospice share × (1 + alive-discharge share)
 *   × (1 + k·(1 − informal-care index)): admission requests per year, including those refused;
 * - offeredLoad = hospiceRequests / 365 × mean LOS (erlangs);
 * - bedsNeededErlang: smallest beds with Erlang B ≤ target at the pooling level: 'hospice' (today's
 *   houses apart, the load split in proportion to their beds), 'cluster' (groups of houses),
 *   'region' (one pool); without hospices, virtual houses of 6 beds (clusters of 3 houses);
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
  runRegion(region, prepared, options, multipliers, acc);
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
  runRegion(prepareRegion(input), prepareScenario(scenario), options, multipliers, acc);
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
    runRegion(prepareRegion(input), prepared, options, multipliers, acc);
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

// ---------------------------------------------------------------------------------------------

export interface PoolDetail {
  /** Hospice indices in this pool (empty for virtual houses where the region has none). */
  readonly hospices: readonly number[];
  readonly offeredLoad: number;
  readonly currentBeds: number;
  readonly bedsNeeded: number;
  readonly refusalShareCurrentBeds: number;
  readonly occupancyCurrentBeds: number;
}

export interface PoolingDetail {
  readonly level: PoolingLevel;
  /** Beds needed for the target refusal probability with this pooling. */
  readonly bedsNeeded: number;
  readonly occupancyAtNeeded: number;
  /** Load-weighted refusal share if every pool had ⌈its load / occupancy norm⌉ beds. */
  readonly refusalShareAtNormBeds: number;
  readonly currentBeds: number;
  readonly refusalShareCurrentBeds: number;
  readonly occupancyCurrentBeds: number;
  /** Requests per year today's beds would refuse at this load. */
  readonly refusalsPerYearCurrentBeds: number;
  readonly gap: number;
  readonly pools: readonly PoolDetail[];
}

export interface CapacityDetail {
  readonly code: string;
  readonly year: number;
  readonly scenarioId: string;
  readonly deaths: number;
  readonly expectedDeaths: number;
  readonly hospiceRequests: number;
  readonly requestsPerDay: number;
  readonly meanLengthOfStay: number;
  readonly offeredLoad: number;
  readonly target: number;
  readonly occupancyNorm: number;
  /** The pooling level chosen (option or scenario). */
  readonly pooling: PoolingLevel;
  /** Beds by the fixed occupancy norm, ⌈offeredLoad / norm⌉. */
  readonly bedsNeededNorm: number;
  readonly currentBeds: number;
  readonly byPooling: { readonly [level in PoolingLevel]: PoolingDetail };
}

function poolingDetail(
  region: PreparedRegion,
  level: PoolingLevel,
  load: number,
  requests: number,
  target: number,
  norm: number,
): PoolingDetail {
  const pools: PoolDetail[] = [];
  if (region.pools === null) {
    if (load > 0) {
      const unitBeds =
        level === 'region'
          ? Infinity
          : level === 'hospice'
            ? DEFAULT_HOUSE_BEDS
            : DEFAULT_HOUSE_BEDS * DEFAULT_CLUSTER_SIZE;
      const units =
        unitBeds === Infinity ? 1 : Math.max(1, Math.ceil(load / unitMaxLoad(unitBeds, target)));
      for (let u = 0; u < units; u++) {
        const a = load / units;
        pools.push({
          hospices: [],
          offeredLoad: a,
          currentBeds: 0,
          bedsNeeded: minBedsForTargetUnchecked(a, target),
          refusalShareCurrentBeds: 1,
          occupancyCurrentBeds: 0,
        });
      }
    }
  } else {
    const s = region.pools[level];
    for (let j = 0; j < s.weights.length; j++) {
      const a = load * s.weights[j]!;
      const beds = s.beds[j]!;
      const b = erlangBUnchecked(a, beds);
      pools.push({
        hospices: s.members[j]!,
        offeredLoad: a,
        currentBeds: beds,
        bedsNeeded: minBedsForTargetUnchecked(a, target),
        refusalShareCurrentBeds: b,
        occupancyCurrentBeds: (a * (1 - b)) / beds,
      });
    }
  }
  let bedsNeeded = 0;
  let carriedNeeded = 0;
  let refusedNorm = 0;
  let refusedCurrent = 0;
  let carriedCurrent = 0;
  for (const p of pools) {
    bedsNeeded += p.bedsNeeded;
    carriedNeeded += p.offeredLoad * (1 - erlangBUnchecked(p.offeredLoad, p.bedsNeeded));
    const normBeds = Math.ceil(p.offeredLoad / norm - 1e-9);
    refusedNorm += p.offeredLoad * erlangBUnchecked(p.offeredLoad, normBeds);
    refusedCurrent += p.offeredLoad * p.refusalShareCurrentBeds;
    carriedCurrent += p.offeredLoad * (1 - p.refusalShareCurrentBeds);
  }
  if (region.pools === null) {
    refusedCurrent = load;
    carriedCurrent = 0;
  }
  const share = (x: number): number => (load > 0 ? x / load : 0);
  return {
    level,
    bedsNeeded,
    occupancyAtNeeded: bedsNeeded > 0 ? carriedNeeded / bedsNeeded : 0,
    refusalShareAtNormBeds: share(refusedNorm),
    currentBeds: region.currentBeds,
    refusalShareCurrentBeds: share(refusedCurrent),
    occupancyCurrentBeds: region.currentBeds > 0 ? carriedCurrent / region.currentBeds : 0,
    refusalsPerYearCurrentBeds: requests * share(refusedCurrent),
    gap: bedsNeeded - region.currentBeds,
    pools,
  };
}

/**
 * Capacity detail for one region and year: the load, beds needed at each pooling level side by side
 * with the occupancy-norm beds and today's beds, their refusal shares and occupancies, and the
 * refusals per year today's beds would give. Same pipeline and assumptions as {@link forecast}
 * (no uncertainty). Units as in {@link ForecastRow}.
 */
export function capacity(
  input: RegionInput,
  scenario: Scenario,
  options: { readonly year: number; readonly target?: number; readonly pooling?: PoolingLevel },
): CapacityDetail {
  checkOptions({
    from: options.year,
    to: options.year,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.pooling === undefined ? {} : { pooling: options.pooling }),
  });
  const region = prepareRegion(input);
  const prepared = prepareScenario(scenario);
  const yearIndex = options.year - FIRST_YEAR;
  const slots = new Float64Array(SLOTS);
  const target = options.target ?? prepared.values.targetRefusal[yearIndex]!;
  const level = options.pooling ?? prepared.pooling[yearIndex]!;
  evaluate(
    region,
    prepared,
    yearIndex,
    { hospiceShare: 1, expectedShare: 1, losMean: 1, deathLevel: 1 },
    { target, pooling: level },
    slots,
    0,
  );
  const load = slots[LOAD]!;
  const requests = slots[REQUESTS]!;
  const norm = prepared.values.occupancyNorm[yearIndex]!;
  return {
    code: input.code,
    year: options.year,
    scenarioId: scenario.id,
    deaths: slots[DEATHS]!,
    expectedDeaths: slots[EXPECTED]!,
    hospiceRequests: requests,
    requestsPerDay: requests / 365,
    meanLengthOfStay: prepared.values.losMean[yearIndex]!,
    offeredLoad: load,
    target,
    occupancyNorm: norm,
    pooling: level,
    bedsNeededNorm: slots[BEDS_NORM]!,
    currentBeds: region.currentBeds,
    byPooling: {
      hospice: poolingDetail(region, 'hospice', load, requests, target, norm),
      cluster: poolingDetail(region, 'cluster', load, requests, target, norm),
      region: poolingDetail(region, 'region', load, requests, target, norm),
    },
  };
}

/**
 * Beds by the fixed occupancy norm used in Dutch capacity studies:
 * beds = admissions per year × mean LOS (days) / (365 × norm), unrounded.
 * Source: the umbrella bodies' "550 beds short at 80% occupancy" reconstructs as
 * 7,500 × 22 / 365 / 0.80 ≈ 565 (docs/research.md §5.2). Ignores scale: at 80% a 6-bed house
 * refuses ~18% of requests, a 50-bed pool ~2%.
 */
export function bedsByOccupancyNorm({
  admissionsPerYear,
  meanLengthOfStay,
  occupancyNorm,
}: {
  readonly admissionsPerYear: number;
  readonly meanLengthOfStay: number;
  readonly occupancyNorm: number;
}): number {
  if (!Number.isFinite(admissionsPerYear) || admissionsPerYear < 0) {
    throw invalid('admissionsPerYear', admissionsPerYear);
  }
  if (!Number.isFinite(meanLengthOfStay) || meanLengthOfStay <= 0) {
    throw invalid('meanLengthOfStay', meanLengthOfStay);
  }
  if (!(occupancyNorm > 0 && occupancyNorm <= 1)) {
    throw invalid('occupancyNorm', occupancyNorm);
  }
  return (admissionsPerYear * meanLengthOfStay) / (365 * occupancyNorm);
}

/**
 * Offered load in erlangs from admission requests per year and mean LOS in days:
 * a = requests/365 × LOS (docs/research.md §1.1). Also the mean number of occupied beds if no
 * request were refused.
 */
export function offeredLoadFromRequests({
  requestsPerYear,
  meanLengthOfStay,
}: {
  readonly requestsPerYear: number;
  readonly meanLengthOfStay: number;
}): number {
  if (!Number.isFinite(requestsPerYear) || requestsPerYear < 0) {
    throw invalid('requestsPerYear', requestsPerYear);
  }
  if (!Number.isFinite(meanLengthOfStay) || meanLengthOfStay <= 0) {
    throw invalid('meanLengthOfStay', meanLengthOfStay);
  }
  return (requestsPerYear / 365) * meanLengthOfStay;
}
