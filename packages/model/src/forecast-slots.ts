// The additive figures of one region-year as slots of a Float64Array, and the forecast row keys
// derived from them (ratios are recomputed from sums, so national rows are exact).

// Additive quantities per region-year (summed over regions for the nation); ratios are derived.
export const DEATHS = 0;
export const EXPECTED = 1;
export const REQUESTS = 2;
export const LOAD = 3;
export const BEDS_ERLANG = 4;
export const BEDS_NORM = 5;
export const BEDS_CURRENT = 6;
export const CARRIED_NEEDED = 7;
export const CARRIED_CURRENT = 8;
export const REFUSED_LOAD = 9;
export const SLOTS = 10;

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

export const KEY_COUNT = FORECAST_KEYS.length;

/**
 * Every key of every draw in one pass: columns[k × draws + d] = key FORECAST_KEYS[k] of draw d, for
 * draws stored from acc[start] (SLOTS apart). One pass with the slots in locals instead of one call
 * per key and draw: the bands of a national run read 13 keys × 1,000 draws per region and year.
 */
export function deriveColumns(
  acc: Float64Array,
  start: number,
  draws: number,
  columns: Float64Array,
): void {
  for (let d = 0, o = start; d < draws; d++, o += SLOTS) {
    const requests = acc[o + REQUESTS]!;
    const load = acc[o + LOAD]!;
    const bedsErlang = acc[o + BEDS_ERLANG]!;
    const bedsCurrent = acc[o + BEDS_CURRENT]!;
    const refused = acc[o + REFUSED_LOAD]!;
    let c = d;
    columns[c] = acc[o + DEATHS]!;
    columns[(c += draws)] = acc[o + EXPECTED]!;
    columns[(c += draws)] = requests;
    columns[(c += draws)] = load;
    columns[(c += draws)] = bedsErlang;
    columns[(c += draws)] = acc[o + BEDS_NORM]!;
    columns[(c += draws)] = bedsCurrent;
    columns[(c += draws)] = bedsErlang - bedsCurrent;
    columns[(c += draws)] = load > 0 ? refused / load : 0;
    columns[(c += draws)] = load > 0 ? (requests * refused) / load : 0;
    columns[(c += draws)] = bedsCurrent > 0 ? acc[o + CARRIED_CURRENT]! / bedsCurrent : 0;
    columns[(c += draws)] = bedsErlang > 0 ? acc[o + CARRIED_NEEDED]! / bedsErlang : 0;
    columns[(c += draws)] = requests > 0 ? (load * 365) / requests : 0;
  }
}
