// Capacity detail of one region-year at every pooling level, and the standard calculators.

import { checkNonNegative, checkPositive, invalid } from './checks';
import { checkOptions, observedDemandFactor, runOptionsOf } from './demand';
import { evaluate } from './forecast-run';
import { erlangBUnchecked, minBedsForTargetUnchecked } from './erlang';
import { BEDS_NORM, DEATHS, EXPECTED, LOAD, REQUESTS, SLOTS } from './forecast-slots';
import { DEFAULT_CLUSTER_SIZE, DEFAULT_HOUSE_BEDS, unitMaxLoad } from './pools';
import {
  type PreparedRegion,
  type RegionInput,
  YEAR0,
  prepareRegion,
  prepareScenario,
} from './prepare';
import type { PoolingLevel, Scenario } from './scenarios';

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
  options: {
    readonly year: number;
    readonly target?: number;
    readonly pooling?: PoolingLevel;
    readonly multipleRegistrationShare?: number;
  },
): CapacityDetail {
  const forecastOptions = {
    from: options.year,
    to: options.year,
    ...(options.target === undefined ? {} : { target: options.target }),
    ...(options.pooling === undefined ? {} : { pooling: options.pooling }),
    ...(options.multipleRegistrationShare === undefined
      ? {}
      : { multipleRegistrationShare: options.multipleRegistrationShare }),
  };
  checkOptions(forecastOptions);
  const region = prepareRegion(input);
  const prepared = prepareScenario(scenario);
  const yearIndex = options.year - YEAR0;
  const slots = new Float64Array(SLOTS);
  const target = options.target ?? prepared.values.targetRefusal[yearIndex]!;
  // The detail shows one level: the override, else the level the scenario's ramp is heading to.
  const level = options.pooling ?? prepared.poolingTo[yearIndex]!;
  const run = runOptionsOf({ ...forecastOptions, target, pooling: level });
  evaluate(
    region,
    prepared,
    yearIndex,
    { hospiceShare: 1, expectedShare: 1, losMean: 1, deathLevel: 1 },
    { ...run, demandFactor: observedDemandFactor(region, prepared, run), deathZ: 0 },
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
    meanLengthOfStay: (load * 365) / Math.max(requests, 1e-12),
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
 * 7,500 × 22 / 365 / 0.80 ≈ 565 (docs/research.md). Ignores scale: at 80% a 6-bed house
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
  checkNonNegative('admissionsPerYear', admissionsPerYear);
  checkPositive('meanLengthOfStay', meanLengthOfStay);
  if (!(occupancyNorm > 0 && occupancyNorm <= 1)) {
    throw invalid('occupancyNorm', occupancyNorm);
  }
  return (admissionsPerYear * meanLengthOfStay) / (365 * occupancyNorm);
}

/**
 * Offered load in erlangs from admission requests per year and mean LOS in days:
 * a = requests/365 × LOS (docs/research.md). Also the mean number of occupied beds if no
 * request were refused.
 */
export function offeredLoadFromRequests({
  requestsPerYear,
  meanLengthOfStay,
}: {
  readonly requestsPerYear: number;
  readonly meanLengthOfStay: number;
}): number {
  checkNonNegative('requestsPerYear', requestsPerYear);
  checkPositive('meanLengthOfStay', meanLengthOfStay);
  return (requestsPerYear / 365) * meanLengthOfStay;
}
