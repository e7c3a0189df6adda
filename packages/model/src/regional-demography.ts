// Population and deaths per zorgkantoorregio, consistent with the nation (docs/method.md §2–3):
// - the 2021 age structure per region (5-year groups) is split into single ages and sexes with the
//   national shares within each group, and raked so that the regions add up to the nation;
// - regional mortality = national rates × a standardised mortality ratio (indirect
//   standardisation: observed deaths ÷ deaths expected at national rates, over the years 2002–2019
//   as a log-linear trend read at the base year; regional-smr.ts), with its standard error;
// - forward, each region ages by cohort survival at its own mortality, takes national net migration
//   and births in proportion to its share of each cohort (of women 15–49), and is raked to the
//   national projection; backward (before 2021) each region keeps its 2021 share of every age and sex;
// - deaths per region = national deaths × the region's share of SMR-weighted expected deaths, so the
//   regions add up to the national series exactly; observed regional counts are used as such.

import {
  AGE_COUNT,
  OPEN_AGE,
  SEXES,
  type AgeSexTable,
  type Sex,
  emptyTable,
  yearOf,
} from './age-sex';
import { invalid } from './checks';
import { type NationalProjection } from './cohort';
import { estimateSmr } from './regional-smr';

/** 5-year groups 0–4 … 90–94, 95+ (20 groups). */
export const FIVE_YEAR_GROUPS = 20;

export interface RegionalSource {
  readonly code: string;
  /** Persons on 1 January of the base year per 5-year group. */
  readonly population: readonly number[];
  /** Observed deaths per year. */
  readonly deaths: Readonly<Record<number, number>>;
}

export interface RegionalDemographyOptions {
  readonly nation: NationalProjection;
  readonly regions: readonly RegionalSource[];
  /** Year of the regional age structure (1 January). */
  readonly baseYear: number;
  /** Years of observed regional deaths that estimate the SMR. */
  readonly smrYears: readonly number[];
  /** Year the SMR trend is read at (regional-smr.ts); default the base year. */
  readonly smrAt?: number;
  /**
   * Years whose observed regional deaths are used as such (raked to the nation); default every
   * year observed in all regions. A back-test passes none, so the model predicts them.
   */
  readonly observedYears?: readonly number[];
}

export interface RegionalDemography {
  readonly code: string;
  readonly smr: number;
  /** Standard error of ln SMR (regional-smr.ts). */
  readonly smrLogSe: number;
  /** Persons on 1 January per year, by single age and sex (raked to the nation). */
  readonly population: AgeSexTable;
  /** Deaths per year (raked to the national total). */
  readonly deaths: ReadonlyMap<number, number>;
  /** Deaths the model assigns in the SMR years, before raking, to compare with the observed. */
  readonly observedDeaths: Readonly<Record<number, number>>;
}

function groupOf(x: number): number {
  return Math.min(FIVE_YEAR_GROUPS - 1, Math.floor(x / 5));
}

function checkRegions(regions: readonly RegionalSource[]): void {
  regions.forEach((r, i) => {
    if (r.population.length !== FIVE_YEAR_GROUPS) {
      throw invalid(`regions[${i}].population`, r.population.length);
    }
    r.population.forEach((v, g) => {
      if (!Number.isFinite(v) || v < 0) {
        throw invalid(`regions[${i}].population[${g}]`, v);
      }
    });
  });
}

/** Regional share of each national age × sex cell in the base year, raked to sum to 1. */
function baseShares(
  nation: AgeSexTable,
  regions: readonly RegionalSource[],
  baseYear: number,
): { [sex in Sex]: Float64Array }[] {
  const groupTotals = new Float64Array(FIVE_YEAR_GROUPS);
  for (const sex of SEXES) {
    const p = yearOf(nation, sex, baseYear);
    for (let x = 0; x < AGE_COUNT; x++) {
      groupTotals[groupOf(x)]! += p[x]!;
    }
  }
  const raw = regions.map((r) => {
    const out = { male: new Float64Array(AGE_COUNT), female: new Float64Array(AGE_COUNT) };
    for (const sex of SEXES) {
      const p = yearOf(nation, sex, baseYear);
      for (let x = 0; x < AGE_COUNT; x++) {
        const g = groupOf(x);
        out[sex][x] = groupTotals[g]! > 0 ? (r.population[g]! * p[x]!) / groupTotals[g]! : 0;
      }
    }
    return out;
  });
  for (const sex of SEXES) {
    for (let x = 0; x < AGE_COUNT; x++) {
      const sum = raw.reduce((s, r) => s + r[sex][x]!, 0);
      for (const r of raw) {
        r[sex][x] = sum > 0 ? r[sex][x]! / sum : 1 / raw.length;
      }
    }
  }
  return raw;
}

/** Deaths expected in a year from a population table at (SMR ×) national rates. */
function expectedDeaths(
  population: AgeSexTable,
  rates: AgeSexTable,
  year: number,
  smr = 1,
): number {
  let total = 0;
  for (const sex of SEXES) {
    const p0 = yearOf(population, sex, year);
    const p1 = yearOf(population, sex, year + 1);
    const m = yearOf(rates, sex, year);
    for (let x = 0; x < AGE_COUNT; x++) {
      total += (smr * m[x]! * (p0[x]! + p1[x]!)) / 2;
    }
  }
  return total;
}

/** Ages each region one year at its own mortality, then rakes to the nation's next year. */
function ageRegions(
  tables: AgeSexTable[],
  smrs: readonly number[],
  nation: NationalProjection,
  year: number,
): void {
  const next = year + 1;
  for (const sex of SEXES) {
    const national0 = yearOf(nation.population, sex, year);
    const national1 = yearOf(nation.population, sex, next);
    const m = yearOf(nation.rates, sex, year);
    const nationalWomen = yearOf(nation.population, 'female', year)
      .subarray(15, 50)
      .reduce((s, v) => s + v, 0);
    tables.forEach((table, r) => {
      const p0 = yearOf(table, sex, year);
      const p1 = yearOf(table, sex, next);
      const smr = smrs[r]!;
      const women = yearOf(table, 'female', year)
        .subarray(15, 50)
        .reduce((s, v) => s + v, 0);
      p1[0] = (national1[0]! * women) / nationalWomen;
      for (let x = 1; x < AGE_COUNT; x++) {
        const survival = Math.exp((-smr * (m[x - 1]! + m[Math.min(x, OPEN_AGE)]!)) / 2);
        const nationalSurvivors =
          national0[x - 1]! * Math.exp(-(m[x - 1]! + m[Math.min(x, OPEN_AGE)]!) / 2);
        // National net migration into this cohort, shared in proportion to the cohort.
        const share = national0[x - 1]! > 0 ? p0[x - 1]! / national0[x - 1]! : 0;
        const migration = (national1[x]! - nationalSurvivors) * share;
        p1[x] = Math.max(
          0,
          p0[x - 1]! * survival +
            migration +
            (x === OPEN_AGE ? p0[x]! * Math.exp(-smr * m[x]!) : 0),
        );
      }
    });
    for (let x = 0; x < AGE_COUNT; x++) {
      const sum = tables.reduce((s, t) => s + yearOf(t, sex, next)[x]!, 0);
      for (const table of tables) {
        const p1 = yearOf(table, sex, next);
        p1[x] = sum > 0 ? (p1[x]! * national1[x]!) / sum : national1[x]! / tables.length;
      }
    }
  }
}

/** Regional populations, SMRs and deaths for every year of the national projection. */
export function regionalDemography(options: RegionalDemographyOptions): RegionalDemography[] {
  const { nation, regions, baseYear, smrYears } = options;
  checkRegions(regions);
  const first = nation.population.firstYear;
  const lastDeathYear = nation.deaths.lastYear;
  if (!(baseYear >= first && baseYear <= lastDeathYear)) {
    throw invalid('baseYear', baseYear);
  }
  const shares = baseShares(nation.population, regions, baseYear);
  const tables = regions.map(() => emptyTable(first, lastDeathYear + 1));
  tables.forEach((table, r) => {
    for (const sex of SEXES) {
      // Every year at the base-year shares first (the SMR years need them); later years are then
      // overwritten by the cohort ageing below.
      for (let year = first; year <= lastDeathYear + 1; year++) {
        const national = yearOf(nation.population, sex, year);
        const own = yearOf(table, sex, year);
        for (let x = 0; x < AGE_COUNT; x++) {
          own[x] = national[x]! * shares[r]![sex][x]!;
        }
      }
    }
  });
  const smrs = regions.map((region, r) => {
    const observed = smrYears.map((year) => {
      const d = region.deaths[year];
      if (d === undefined || year < first || year > lastDeathYear) {
        throw invalid(`regions[${r}].deaths.${year}`, d);
      }
      return d;
    });
    const expected = smrYears.map((year) => expectedDeaths(tables[r]!, nation.rates, year));
    const estimate = estimateSmr({
      years: smrYears,
      observed,
      expected,
      at: options.smrAt ?? baseYear,
    });
    return { smr: estimate.smr, logSe: estimate.logSe };
  });
  for (let year = baseYear; year <= lastDeathYear; year++) {
    ageRegions(
      tables,
      smrs.map((s) => s.smr),
      nation,
      year,
    );
  }
  const deaths = regions.map(() => new Map<number, number>());
  for (let year = first; year <= lastDeathYear; year++) {
    const national =
      yearOf(nation.deaths, 'male', year).reduce((s, v) => s + v, 0) +
      yearOf(nation.deaths, 'female', year).reduce((s, v) => s + v, 0);
    const observedAll =
      (options.observedYears?.includes(year) ?? true) &&
      regions.every((r) => r.deaths[year] !== undefined);
    const weights = regions.map((region, r) =>
      observedAll
        ? region.deaths[year]!
        : expectedDeaths(tables[r]!, nation.rates, year, smrs[r]!.smr),
    );
    const sum = weights.reduce((s, w) => s + w, 0);
    weights.forEach((w, r) => deaths[r]!.set(year, (national * w) / sum));
  }
  return regions.map((region, r) => ({
    code: region.code,
    smr: smrs[r]!.smr,
    smrLogSe: smrs[r]!.logSe,
    population: tables[r]!,
    deaths: deaths[r]!,
    observedDeaths: region.deaths,
  }));
}
