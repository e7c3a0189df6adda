// Inputs of the demand pipeline checked and laid out per year index (2000 … 2050), once per region
// and per scenario (cached by object identity: inputs are read-only).

import { invalid } from './checks';
import { CALIBRATION_YEAR, shareIndex } from './demand-calibration';
import { AGE_BANDS, type AgeBands, nationalBandRates, projectPopulation } from './population';
import { type RegionPools, clustersByDistance, defaultClusters, structureFrom } from './pools';
import {
  FIRST_YEAR,
  HISTORY_FIRST_YEAR,
  LAST_YEAR,
  NUMERIC_PARAMETERS,
  type NumericParameter,
  type PoolingLevel,
  type Scenario,
  poolingAt,
  valueAt,
} from './scenarios';

export const YEAR0 = HISTORY_FIRST_YEAR;
export const YEAR_COUNT = LAST_YEAR - YEAR0 + 1;
const REGION_CODE = /^(ZK\d{2}|NL)$/;

/** A hospice's position (WGS84 degrees), for the default clusters by distance. */
export interface Location {
  readonly latitude: number;
  readonly longitude: number;
}

/** What a region's hospices reported, enough to replace the defaults (docs/method.md §4). */
export interface ObservedActivity {
  /** Admissions and refusals per year, scaled to all of the region's beds. */
  readonly admissionsPerYear: number;
  readonly refusalsPerYear: number;
  /** Mean length of stay of the guests who left, in days. */
  readonly meanLengthOfStay: number;
  /** The year the figures stand for (their demand is compared with the model's in that year). */
  readonly year: number;
  /** Where the figures come from: period and coverage. */
  readonly source?: string;
}

export interface RegionInput {
  /** Zorgkantoorregio code ZK01–ZK33, or NL for the country as one region. */
  readonly code: string;
  readonly name?: string;
  /** Year of basePopulation (1 January), 2000–2050. Default 2024. */
  readonly baseYear?: number;
  /** Persons per age band in the base year. */
  readonly basePopulation: AgeBands;
  /** Imported prognosis: persons per age band by year; wins over the projection for those years. */
  readonly populationByYear?: Readonly<Record<number, AgeBands>>;
  /** Deaths per year (observed, or from the demography pipeline); wins over population × rates. */
  readonly deathsByYear?: Readonly<Record<number, number>>;
  /** Standard deviation of ln(deaths) per year (0 where observed), for the uncertainty band. */
  readonly deathsLogSd?: Readonly<Record<number, number>>;
  /** Licensed beds of each hospice in the region now (empty if there is none). */
  readonly hospiceBeds: readonly number[];
  /** Position of each hospice (null where unknown), for the default clusters. */
  readonly hospiceLocations?: readonly (Location | null)[];
  /** Clusters of hospices (indices into hospiceBeds) for pooling 'cluster'. */
  readonly clusters?: readonly (readonly number[])[];
  /** Reported admissions, refusals and stays; replace the calibrated defaults for this region. */
  readonly observed?: ObservedActivity;
}

export interface PreparedRegion {
  readonly input: RegionInput;
  readonly currentBeds: number;
  /** Null when the region has no hospice: pools are then virtual houses of default size. */
  readonly pools: RegionPools | null;
  /** Deaths per year index: given, else population × national rates of its age bands. */
  readonly deaths: Float64Array;
  /** sd of ln(deaths) per year index; NaN where not given (then the scenario's fan applies). */
  readonly deathsLogSd: Float64Array;
}

function checkBands(name: string, bands: AgeBands): void {
  for (const band of AGE_BANDS) {
    const v = bands[band];
    if (!Number.isFinite(v) || v < 0) {
      throw invalid(`${name}.${band}`, v);
    }
  }
}

function checkClusters(clusters: readonly (readonly number[])[], n: number): void {
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
  if (seen.some((count) => count !== 1)) {
    // Every hospice must be in exactly one cluster.
    throw invalid('clusters', clusters);
  }
}

function poolsOf(input: RegionInput): RegionPools | null {
  const beds = input.hospiceBeds;
  beds.forEach((b, i) => {
    if (!Number.isInteger(b) || b <= 0) {
      throw invalid(`hospiceBeds[${i}]`, b);
    }
  });
  const n = beds.length;
  if (n === 0) {
    return null;
  }
  const locations = input.hospiceLocations;
  if (locations !== undefined && locations.length !== n) {
    throw invalid('hospiceLocations.length', locations.length);
  }
  const clusters =
    input.clusters ??
    (locations === undefined
      ? defaultClusters({ hospiceCount: n })
      : clustersByDistance({ locations }));
  checkClusters(clusters, n);
  return {
    hospice: structureFrom(
      beds,
      beds.map((_, i) => [i]),
    ),
    cluster: structureFrom(beds, clusters),
    region: structureFrom(beds, [beds.map((_, i) => i)]),
  };
}

function perYear(record: Readonly<Record<number, number>> | undefined, name: string): Float64Array {
  const out = new Float64Array(YEAR_COUNT).fill(NaN);
  for (const [key, value] of Object.entries(record ?? {})) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < YEAR0 || year > LAST_YEAR) {
      throw invalid(`${name} year`, key);
    }
    if (!Number.isFinite(value) || value < 0) {
      throw invalid(`${name}.${key}`, value);
    }
    out[year - YEAR0] = value;
  }
  return out;
}

/** Deaths from population bands × national band rates, where the caller gave no deaths. */
function modelledDeaths(input: RegionInput, baseYear: number, given: Float64Array): void {
  const anchors = new Map<number, AgeBands>([[baseYear, input.basePopulation]]);
  for (const [key, bands] of Object.entries(input.populationByYear ?? {})) {
    const year = Number(key);
    if (!Number.isInteger(year) || year < YEAR0 || year > LAST_YEAR) {
      throw invalid('populationByYear year', key);
    }
    checkBands(`populationByYear.${key}`, bands);
    anchors.set(year, bands);
  }
  const anchorYears = [...anchors.keys()].sort((a, b) => a - b);
  for (let i = 0; i < YEAR_COUNT; i++) {
    if (!Number.isNaN(given[i]!)) {
      continue;
    }
    const year = YEAR0 + i;
    // Project from the latest anchor at or before the year (else the earliest after it).
    const from = anchorYears.filter((y) => y <= year).at(-1) ?? anchorYears[0]!;
    const population =
      from === year
        ? anchors.get(year)!
        : projectPopulation({ basePopulation: anchors.get(from)!, baseYear: from, year });
    const rates = nationalBandRates({ year });
    given[i] = AGE_BANDS.reduce((s, band) => s + population[band] * rates[band], 0);
  }
}

const preparedRegions = new WeakMap<RegionInput, PreparedRegion>();

export function prepareRegion(input: RegionInput): PreparedRegion {
  const cached = preparedRegions.get(input);
  if (cached !== undefined) {
    return cached;
  }
  if (typeof input.code !== 'string' || !REGION_CODE.test(input.code)) {
    throw invalid('code', input.code);
  }
  const baseYear = input.baseYear ?? FIRST_YEAR;
  if (!Number.isInteger(baseYear) || baseYear < YEAR0 || baseYear > LAST_YEAR) {
    throw invalid('baseYear', baseYear);
  }
  checkBands('basePopulation', input.basePopulation);
  const pools = poolsOf(input);
  const deaths = perYear(input.deathsByYear, 'deathsByYear');
  modelledDeaths(input, baseYear, deaths);
  const prepared: PreparedRegion = {
    input,
    currentBeds: input.hospiceBeds.reduce((s, b) => s + b, 0),
    pools,
    deaths,
    deathsLogSd: perYear(input.deathsLogSd, 'deathsLogSd'),
  };
  preparedRegions.set(input, prepared);
  return prepared;
}

/** Years a change of pooling level takes to complete [assumption: intake is reorganised gradually]. */
export const POOLING_RAMP_YEARS = 10;

/** Scenario values per year index 2000..2050, computed once per scenario. */
export interface PreparedScenario {
  readonly values: { readonly [key in NumericParameter]: Float64Array };
  /** Pooling per year: from `poolingFrom` to `poolingTo`, the share `poolingWeight` done. */
  readonly poolingFrom: readonly PoolingLevel[];
  readonly poolingTo: readonly PoolingLevel[];
  readonly poolingWeight: Float64Array;
  /** Deaths relative to the demography's projection: Π over 2025..year of (1 − i) ÷ (1 − i₀). */
  readonly mortalityAdjustment: Float64Array;
  /** Horizon factor for parameter uncertainty: 0 up to 2024, √((year − 2024) ÷ 26) after. */
  readonly horizon: Float64Array;
}

/** The yearly mortality improvement the demography's projection stands for in a scenario. */
export const REFERENCE_MORTALITY_IMPROVEMENT = 0.015;

const preparedScenarios = new WeakMap<Scenario, PreparedScenario>();

/** Pooling ramps: each change completes at its point's year, starting POOLING_RAMP_YEARS before. */
function poolingRamps(
  scenario: Scenario,
): Pick<PreparedScenario, 'poolingFrom' | 'poolingTo' | 'poolingWeight'> {
  const path = scenario.parameters.pooling;
  const poolingFrom: PoolingLevel[] = [];
  const poolingTo: PoolingLevel[] = [];
  const poolingWeight = new Float64Array(YEAR_COUNT);
  for (let i = 0; i < YEAR_COUNT; i++) {
    const year = YEAR0 + i;
    const current = poolingAt({ path, year });
    const next = path.points.find((p) => p.year > year && p.value !== current);
    // A ramp never reaches back before the scenarios' first year (history keeps today's pooling).
    const start =
      next === undefined ? Infinity : Math.max(next.year - POOLING_RAMP_YEARS, FIRST_YEAR);
    if (next !== undefined && year > start) {
      poolingFrom.push(current);
      poolingTo.push(next.value);
      poolingWeight[i] = (year - start) / (next.year - start);
    } else {
      poolingFrom.push(current);
      poolingTo.push(current);
      poolingWeight[i] = 1;
    }
  }
  return { poolingFrom, poolingTo, poolingWeight };
}

export function prepareScenario(scenario: Scenario): PreparedScenario {
  const cached = preparedScenarios.get(scenario);
  if (cached !== undefined) {
    return cached;
  }
  const values = {} as Record<NumericParameter, Float64Array>;
  for (const key of NUMERIC_PARAMETERS) {
    values[key] = Float64Array.from({ length: YEAR_COUNT }, (_, i) =>
      valueAt({ path: scenario.parameters[key], year: YEAR0 + i }),
    );
  }
  // Before the calibration year the hospice share follows the trend fitted to the guest counts.
  for (let i = 0; YEAR0 + i < CALIBRATION_YEAR; i++) {
    values.hospiceShare[i]! *= shareIndex(YEAR0 + i);
  }
  const mortalityAdjustment = new Float64Array(YEAR_COUNT);
  const horizon = new Float64Array(YEAR_COUNT);
  let factor = 1;
  for (let i = 0; i < YEAR_COUNT; i++) {
    const year = YEAR0 + i;
    if (year > FIRST_YEAR) {
      factor *= (1 - values.mortalityImprovement[i]!) / (1 - REFERENCE_MORTALITY_IMPROVEMENT);
      horizon[i] = Math.sqrt((year - FIRST_YEAR) / (LAST_YEAR - FIRST_YEAR));
    }
    mortalityAdjustment[i] = factor;
  }
  const prepared = { values, ...poolingRamps(scenario), mortalityAdjustment, horizon };
  preparedScenarios.set(scenario, prepared);
  return prepared;
}
