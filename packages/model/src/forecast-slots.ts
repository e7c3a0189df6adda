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

/** Derived value of one key from the additive slots. */
export function derive(key: ForecastKey, s: Float64Array, o: number): number {
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
export function fillKey(
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
