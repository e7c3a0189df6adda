// Forecast rows from the slots: single values, or P10/P50/P90 bands over the Monte Carlo draws.

import {
  FORECAST_KEYS,
  type ForecastKey,
  type ForecastRow,
  SLOTS,
  derive,
  fillKey,
} from './forecast-slots';
import { type PreparedScenario, YEAR0 } from './prepare';
import { type Band, bandInPlace } from './statistics';

export function rowsFromPoint(acc: Float64Array, from: number, to: number): ForecastRow<number>[] {
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
export function drawOrders(
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
    const i = y - YEAR0;
    const h = scenario.horizon[i]!;
    for (let kind = 0; kind < ORDER_KINDS; kind++) {
      for (let d = 0; d < draws; d++) {
        // The same factors as evaluate() for a region without its own death band; with one, the
        // order of deaths still holds (monotone in the same draw) and the rest is checked per use.
        const fan = 1 + (multipliers[4 * d + 3]! - 1) * h * h;
        const expectedShare = v.expectedShare[i]! * (1 + (multipliers[4 * d + 1]! - 1) * h);
        const expected = fan * Math.min(1, expectedShare);
        const hospiceShare = v.hospiceShare[i]! * (1 + (multipliers[4 * d]! - 1) * h);
        const requests = expected * Math.min(1, hospiceShare);
        const los = v.losMean[i]! * multipliers[4 * d + 2]!;
        keys[d] =
          kind === ORDER_DEATHS
            ? multipliers[4 * d + 3]!
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

export function rowsFromDraws(
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
