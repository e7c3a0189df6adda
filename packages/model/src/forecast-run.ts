// The Monte Carlo kernel of the forecast: one region in one year for every draw (hot path of a
// national run: 31 regions × 26 years × 1,000 draws per scenario, bench/model-bench.ts). What is the
// same for every draw is computed once per region and year, what is the same for every region once
// per year and draw (YearDraws); the per-draw arithmetic is that of docs/method.md, in the same
// order of operations, so the numbers do not depend on how the loops are arranged.

import {
  BEDS_CURRENT,
  BEDS_ERLANG,
  BEDS_NORM,
  CARRIED_CURRENT,
  CARRIED_NEEDED,
  DEATHS,
  EXPECTED,
  LOAD,
  REFUSED_LOAD,
  REQUESTS,
  SLOTS,
} from './forecast-slots';
import { type DrawBlock, sizePools } from './pools';
import { type PreparedRegion, type PreparedScenario, YEAR0 } from './prepare';
import { type MultiplierDistribution, type PoolingLevel } from './scenarios';

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

/** Per region: the run options and the reported-demand scale. */
export interface RegionRunOptions extends RunOptions {
  readonly demandFactor: number;
}

/** Per region and draw: the reported-demand scale and the death draw as a z-score. */
export interface EvaluateOptions extends RegionRunOptions {
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
 * The factors of one year's draws that every region shares (the multipliers are national): the
 * scenario's death fan, the capped expected and hospice shares, the LOS multiplier and the death
 * z-score, per draw.
 */
export class YearDraws {
  readonly deathFan: Float64Array;
  readonly deathZ: Float64Array;
  readonly expectedShare: Float64Array;
  readonly hospiceShare: Float64Array;
  readonly losMean: Float64Array;
  /**
   * The draws of the year in ascending order of their load, where known (a national run orders
   * them for its bands anyway), else null: pool sizing groups draws of nearly equal load.
   */
  order: Int32Array | null = null;

  /**
   * multipliers: [hospiceShare, expectedShare, losMean, deathLevel] × draws; deathLevel: the
   * distribution the death levels were drawn from (their z-scores scale a region's own death band).
   */
  constructor(
    readonly multipliers: Float64Array,
    deathLevel: MultiplierDistribution | undefined,
  ) {
    const draws = multipliers.length / 4;
    this.deathFan = new Float64Array(draws);
    this.deathZ = new Float64Array(draws);
    this.expectedShare = new Float64Array(draws);
    this.hospiceShare = new Float64Array(draws);
    this.losMean = new Float64Array(draws);
    for (let d = 0; d < draws; d++) {
      this.losMean[d] = multipliers[4 * d + 2]!;
      // One draw is the point forecast: no death band.
      this.deathZ[d] =
        draws > 1 && deathLevel !== undefined ? deathZ(deathLevel, multipliers[4 * d + 3]!) : 0;
    }
  }

  /** Sets the year-dependent factors for a year (index from YEAR0). */
  setYear(scenario: PreparedScenario, yearIndex: number): void {
    const m = this.multipliers;
    const v = scenario.values;
    const h = scenario.horizon[yearIndex]!;
    const expectedShare = v.expectedShare[yearIndex]!;
    const hospiceShare = v.hospiceShare[yearIndex]!;
    for (let d = 0; d < this.deathFan.length; d++) {
      // The death level fans out after 2024; the shares are calibrated to observed counts up to
      // 2024, their uncertainty grows with the horizon.
      this.deathFan[d] = 1 + (m[4 * d + 3]! - 1) * h * h;
      this.expectedShare[d] = Math.min(1, expectedShare * (1 + (m[4 * d + 1]! - 1) * h));
      this.hospiceShare[d] = Math.min(1, hospiceShare * (1 + (m[4 * d]! - 1) * h));
    }
  }
}

/** Mean LOS in a year: the scenario's, or the region's reported LOS moved along the scenario path. */
function meanStay(region: PreparedRegion, scenario: PreparedScenario, yearIndex: number): number {
  const path = scenario.values.losMean;
  const observed = region.input.observed;
  return observed === undefined
    ? path[yearIndex]!
    : (observed.meanLengthOfStay * path[yearIndex]!) / path[observed.year - YEAR0]!;
}

// The results at the level a ramp heads to, per draw, while the level it comes from is sized.
let rampTo = new Float64Array(0);

/**
 * Sizes the pools for each draw's load, blending two levels while a scenario's pooling change is in
 * progress (share w of the way done).
 */
function sizeAtLevel(
  region: PreparedRegion,
  scenario: PreparedScenario,
  yearIndex: number,
  override: PoolingLevel | undefined,
  target: number,
  block: DrawBlock,
): void {
  if (override !== undefined) {
    sizePools(region.pools, override, target, block);
    return;
  }
  sizePools(region.pools, scenario.poolingTo[yearIndex]!, target, block);
  const w = scenario.poolingWeight[yearIndex]!;
  if (w >= 1) {
    return;
  }
  const { out, offset, draws } = block;
  if (rampTo.length < 4 * draws) {
    rampTo = new Float64Array(4 * draws);
  }
  for (let d = 0, o = offset; d < draws; d++, o += SLOTS) {
    rampTo[4 * d] = out[o + BEDS_ERLANG]!;
    rampTo[4 * d + 1] = out[o + CARRIED_NEEDED]!;
    rampTo[4 * d + 2] = out[o + CARRIED_CURRENT]!;
    rampTo[4 * d + 3] = out[o + REFUSED_LOAD]!;
  }
  sizePools(region.pools, scenario.poolingFrom[yearIndex]!, target, block);
  for (let d = 0, o = offset; d < draws; d++, o += SLOTS) {
    out[o + BEDS_ERLANG] = w * rampTo[4 * d]! + (1 - w) * out[o + BEDS_ERLANG]!;
    out[o + CARRIED_NEEDED] = w * rampTo[4 * d + 1]! + (1 - w) * out[o + CARRIED_NEEDED]!;
    out[o + CARRIED_CURRENT] = w * rampTo[4 * d + 2]! + (1 - w) * out[o + CARRIED_CURRENT]!;
    out[o + REFUSED_LOAD] = w * rampTo[4 * d + 3]! + (1 - w) * out[o + REFUSED_LOAD]!;
  }
}

/**
 * Evaluates one region in one year (index) for every draw of `draws` (set to that year), into
 * out[offset..] with SLOTS per draw. Pipeline and units: {@link forecast} in demand.ts.
 */
export function evaluateYear(
  region: PreparedRegion,
  scenario: PreparedScenario,
  yearIndex: number,
  draws: YearDraws,
  options: RegionRunOptions,
  out: Float64Array,
  offset: number,
): void {
  const v = scenario.values;
  const sd = region.deathsLogSd[yearIndex]!;
  // Deaths: the demography's band where given (zero in observed years), else the scenario's death
  // level fanning out after 2024.
  const hasDeathBand = !Number.isNaN(sd);
  const deathsBase = region.deaths[yearIndex]! * scenario.mortalityAdjustment[yearIndex]!;
  const alive = 1 + v.aliveDischargeShare[yearIndex]!;
  const informal = 1 + v.informalCareK[yearIndex]! * (1 - v.informalCareIndex[yearIndex]!);
  const { uncensoring, demandFactor } = options;
  const stay = meanStay(region, scenario, yearIndex);
  const norm = v.occupancyNorm[yearIndex]!;
  const target = options.target ?? v.targetRefusal[yearIndex]!;
  const { deathFan, deathZ: z, expectedShare, hospiceShare, losMean } = draws;
  for (let d = 0, o = offset; d < deathFan.length; d++, o += SLOTS) {
    const deaths = deathsBase * (hasDeathBand ? Math.exp(sd * z[d]!) : deathFan[d]!);
    const expected = deaths * expectedShare[d]!;
    const requests = expected * hospiceShare[d]! * alive * informal * uncensoring * demandFactor;
    const load = (requests / 365) * stay * losMean[d]!;
    out[o + DEATHS] = deaths;
    out[o + EXPECTED] = expected;
    out[o + REQUESTS] = requests;
    out[o + LOAD] = load;
    out[o + BEDS_NORM] = Math.ceil(load / norm - 1e-9);
    out[o + BEDS_CURRENT] = region.currentBeds;
  }
  const { pooling } = options;
  sizeAtLevel(region, scenario, yearIndex, pooling, target, {
    out,
    offset,
    draws: deathFan.length,
    order: draws.order,
  });
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
  const one = new YearDraws(
    Float64Array.of(m.hospiceShare, m.expectedShare, m.losMean, m.deathLevel),
    undefined,
  );
  one.deathZ[0] = options.deathZ;
  one.setYear(scenario, yearIndex);
  evaluateYear(region, scenario, yearIndex, one, options, out, offset);
}
