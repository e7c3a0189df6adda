// Forecast rows from the slots: single values, or P10/P50/P90 bands over the Monte Carlo draws.

import {
  FORECAST_KEYS,
  type ForecastKey,
  type ForecastRow,
  KEY_COUNT,
  SLOTS,
  deriveColumns,
} from './forecast-slots';
import { type PreparedScenario, YEAR0 } from './prepare';
import { type Band, bandInPlace } from './statistics';

/** The single values of one year from the slots at acc[start]; `values` holds KEY_COUNT numbers. */
export function pointRow(
  acc: Float64Array,
  start: number,
  year: number,
  values: Float64Array,
): ForecastRow<number> {
  deriveColumns(acc, start, 1, values);
  const row: Record<string, number> = { year };
  FORECAST_KEYS.forEach((key, k) => {
    row[key] = values[k]!;
  });
  return row as ForecastRow<number>;
}

/**
 * Every output of one year per draw, from the slots of `draws` draws at acc[start]; `columns` holds
 * KEY_COUNT × draws numbers and each output gets its own copy.
 */
export function drawColumns(
  acc: Float64Array,
  start: number,
  draws: number,
  columns: Float64Array,
): { readonly [key in ForecastKey]: Float64Array } {
  deriveColumns(acc, start, draws, columns);
  const values = {} as Record<ForecastKey, Float64Array>;
  FORECAST_KEYS.forEach((key, k) => {
    values[key] = columns.slice(k * draws, (k + 1) * draws);
  });
  return values;
}

export function rowsFromPoint(acc: Float64Array, from: number, to: number): ForecastRow<number>[] {
  const values = new Float64Array(KEY_COUNT);
  const rows: ForecastRow<number>[] = [];
  for (let y = from; y <= to; y++) {
    rows.push(pointRow(acc, (y - from) * SLOTS, y, values));
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

/** The draws of one year (orders[year − from]) in ascending order of the load's scalar. */
export function loadOrder(yearOrders: readonly Int32Array[]): Int32Array {
  return yearOrders[ORDER_LOAD]!;
}

/** orders[year − from][kind] = draw indices sorted by that kind's scalar. */
export function drawOrders(
  scenario: PreparedScenario,
  multipliers: Float64Array,
  from: number,
  to: number,
): Int32Array[][] {
  const draws = multipliers.length / 4;
  const v = scenario.values;
  const keys = new Float64Array(draws);
  // Deaths rise with the death level, and the LOS with its multiplier (the year's mean LOS is a
  // positive factor, so the order holds in every year): sorted once for all years.
  for (let d = 0; d < draws; d++) {
    keys[d] = multipliers[4 * d + 3]!;
  }
  const byDeathLevel = sortedDraws(keys);
  for (let d = 0; d < draws; d++) {
    keys[d] = multipliers[4 * d + 2]!;
  }
  const byLos = sortedDraws(keys);
  const expected = new Float64Array(draws);
  const requests = new Float64Array(draws);
  const orders: Int32Array[][] = [];
  for (let y = from; y <= to; y++) {
    const i = y - YEAR0;
    const h = scenario.horizon[i]!;
    for (let d = 0; d < draws; d++) {
      // The same factors as evaluateYear() for a region without its own death band; with one, the
      // order of deaths still holds (monotone in the same draw) and the rest is checked per use.
      const fan = 1 + (multipliers[4 * d + 3]! - 1) * h * h;
      const expectedShare = v.expectedShare[i]! * (1 + (multipliers[4 * d + 1]! - 1) * h);
      expected[d] = fan * Math.min(1, expectedShare);
      const hospiceShare = v.hospiceShare[i]! * (1 + (multipliers[4 * d]! - 1) * h);
      requests[d] = expected[d]! * Math.min(1, hospiceShare);
      keys[d] = requests[d]! * (v.losMean[i]! * multipliers[4 * d + 2]!);
    }
    const yearOrders: Int32Array[] = [];
    yearOrders[ORDER_DEATHS] = byDeathLevel;
    yearOrders[ORDER_EXPECTED] = sortedDraws(expected);
    yearOrders[ORDER_REQUESTS] = sortedDraws(requests);
    yearOrders[ORDER_LOAD] = sortedDraws(keys);
    yearOrders[ORDER_LOS] = byLos;
    orders.push(yearOrders);
  }
  return orders;
}

// Scratch of sortedDraws: the keys as float64, and the same bytes as 32-bit words.
let packed = new Float64Array(0);
let packedWords = new Uint32Array(0);
// Which word of a float64 holds the low half of its mantissa (the platform's byte order).
const LOW_WORD = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1 ? 0 : 1;

/**
 * Draw indices in ascending order of keys (non-negative). The draw index replaces the lowest bits of
 * each key's mantissa, so that the engine's native float64 sort (several times faster than a sort
 * with a comparator) yields the indices: non-negative float64 values order as their bit patterns.
 * Keys that differ only in those bits may come out in either order; that costs nothing but speed,
 * as every use checks that its values really ascend in the order.
 */
function sortedDraws(keys: Float64Array): Int32Array {
  const n = keys.length;
  if (packed.length < n) {
    packed = new Float64Array(n);
    packedWords = new Uint32Array(packed.buffer);
  }
  const mask = n > 1 ? 2 ** (32 - Math.clz32(n - 1)) - 1 : 0;
  const sorted = packed.subarray(0, n);
  for (let d = 0; d < n; d++) {
    sorted[d] = keys[d]!;
    const w = 2 * d + LOW_WORD;
    packedWords[w] = (packedWords[w]! & ~mask) | d;
  }
  sorted.sort();
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    order[r] = packedWords[2 * r + LOW_WORD]! & mask;
  }
  return order;
}

/** Type 7 quantile of column[order[0..n)], values that are ascending in that order. */
function orderedQuantile(
  column: Float64Array,
  start: number,
  order: Int32Array,
  n: number,
  p: number,
): number {
  const h = (n - 1) * p;
  const k = Math.floor(h);
  const low = column[start + order[k]!]!;
  return k + 1 < n ? low + (h - k) * (column[start + order[k + 1]!]! - low) : low;
}

/** Whether column[start + order[r]] does not decrease in r. */
function isAscendingIn(column: Float64Array, start: number, order: Int32Array, n: number): boolean {
  let previous = -Infinity;
  for (let r = 0; r < n; r++) {
    const value = column[start + order[r]!]!;
    if (value < previous) {
      return false;
    }
    previous = value;
  }
  return true;
}

/**
 * Buffers of the band rows: the derived keys of one year's draws and a copy for a selection. Kept
 * between calls of the same draw count (a national run makes thousands of rows).
 */
export class BandScratch {
  readonly columns: Float64Array;
  readonly values: Float64Array;
  constructor(readonly draws: number) {
    this.columns = new Float64Array(KEY_COUNT * draws);
    this.values = new Float64Array(draws);
  }
}

/** P10/P50/P90 of every key over the draws stored from acc[start], for one year. */
export function bandRow(
  acc: Float64Array,
  start: number,
  year: number,
  orders: readonly Int32Array[],
  scratch: BandScratch,
): ForecastRow<Band> {
  const { draws, columns, values } = scratch;
  deriveColumns(acc, start, draws, columns);
  const row: Record<string, number | Band> = { year };
  for (let k = 0; k < KEY_COUNT; k++) {
    const key = FORECAST_KEYS[k]!;
    const kind = ORDER_OF_KEY[key];
    const at = k * draws;
    const order = kind >= 0 ? orders[kind]! : undefined;
    if (order !== undefined && isAscendingIn(columns, at, order, draws)) {
      row[key] = {
        p10: orderedQuantile(columns, at, order, draws, 0.1),
        p50: orderedQuantile(columns, at, order, draws, 0.5),
        p90: orderedQuantile(columns, at, order, draws, 0.9),
      };
    } else {
      values.set(columns.subarray(at, at + draws));
      row[key] = bandInPlace(values);
    }
  }
  return row as ForecastRow<Band>;
}

export function rowsFromDraws(
  acc: Float64Array,
  from: number,
  to: number,
  orders: readonly (readonly Int32Array[])[],
  scratch: BandScratch,
): ForecastRow<Band>[] {
  const rows: ForecastRow<Band>[] = [];
  const draws = scratch.draws;
  for (let y = from; y <= to; y++) {
    rows.push(bandRow(acc, (y - from) * draws * SLOTS, y, orders[y - from]!, scratch));
  }
  return rows;
}
