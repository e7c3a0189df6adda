// The demography pipeline from the CBS series: Lee–Carter mortality → cohort-component national
// projection → regional SMRs and cohort ageing; and its back-test. docs/method.md §2–3.

import { type AgeSexTable, sumAges } from './age-sex';
import { invalid } from './checks';
import { type NationalProjection, projectNation } from './cohort';
import { COVID_YEARS, type LeeCarterFit, fitLeeCarter } from './lee-carter';
import {
  type RegionalDemography,
  type RegionalSource,
  regionalDemography,
} from './regional-demography';

export interface DemographySources {
  /** Observed deaths by single age and sex, and population on 1 January (one year further). */
  readonly deaths: AgeSexTable;
  readonly population: AgeSexTable;
  readonly regions: readonly RegionalSource[];
  /** Year of the regional age structure (1 January). */
  readonly regionalBaseYear: number;
}

/**
 * Defaults [assumptions, docs/method.md §3]: the fit window 2000–2019 ends before COVID-19 and
 * leaves 2020–2022 out; jump-off at the last observed year; migration calibrated to the CBS
 * Kernprognose 2024 ("the 19 millionth inhabitant in 2037"); projection to 2060 so the peak of
 * deaths (VZinfo: about 210,000 around 2055) is inside it.
 */
export const DEMOGRAPHY_DEFAULTS = {
  fitFrom: 2000,
  fitTo: 2019,
  lastYear: 2060,
  residualYearCount: 5,
  populationTarget: { targetYear: 2037, targetPopulation: 19_000_000 },
} as const;

export interface Demography {
  readonly fit: LeeCarterFit;
  readonly nation: NationalProjection;
  readonly regions: readonly RegionalDemography[];
  /** Regional years the SMRs come from (observed, outside the COVID-19 years). */
  readonly smrYears: readonly number[];
  /** Last year with observed national deaths. */
  readonly lastObservedYear: number;
}

function smrYearsOf(regions: readonly RegionalSource[], before = Infinity): number[] {
  const years = new Set<number>();
  for (const region of regions) {
    for (const key of Object.keys(region.deaths)) {
      years.add(Number(key));
    }
  }
  return [...years]
    .filter((y) => y < before && !COVID_YEARS.includes(y))
    .filter((y) => regions.every((r) => r.deaths[y] !== undefined))
    .sort((a, b) => a - b);
}

/** National and regional demography from the observed series, projected to 2060. */
export function buildDemography(sources: DemographySources): Demography {
  const { deaths, population } = sources;
  const jumpOffYear = Math.min(deaths.lastYear, population.lastYear - 1);
  const fit = fitLeeCarter(deaths, population, {
    fitFrom: DEMOGRAPHY_DEFAULTS.fitFrom,
    fitTo: Math.min(DEMOGRAPHY_DEFAULTS.fitTo, jumpOffYear),
    jumpOffYear,
  });
  const nation = projectNation({
    fit,
    deaths,
    population,
    lastYear: DEMOGRAPHY_DEFAULTS.lastYear,
    residualYearCount: DEMOGRAPHY_DEFAULTS.residualYearCount,
    migration: DEMOGRAPHY_DEFAULTS.populationTarget,
  });
  const smrYears = smrYearsOf(sources.regions);
  const regions = regionalDemography({
    nation,
    regions: sources.regions,
    baseYear: sources.regionalBaseYear,
    smrYears,
  });
  return { fit, nation, regions, smrYears, lastObservedYear: jumpOffYear };
}

export interface BacktestYear {
  readonly year: number;
  readonly predicted: number;
  readonly observed: number;
  /** (predicted − observed) ÷ observed. */
  readonly error: number;
}

export interface RegionalBacktestRow extends BacktestYear {
  readonly code: string;
}

/** Regional errors of one predicted year: mean and largest |error|, regions within 5%. */
export interface RegionalBacktestYear {
  readonly year: number;
  readonly meanAbsError: number;
  readonly maxAbsError: number;
  readonly within5Percent: number;
}

export interface BacktestResult {
  readonly cutoff: number;
  readonly fitYears: readonly number[];
  readonly national: readonly BacktestYear[];
  /** The last observed regional year, predicted per region. */
  readonly regions: {
    readonly year: number;
    readonly smrYears: readonly number[];
    readonly rows: readonly RegionalBacktestRow[];
  };
  /** Every regional year after the cut-off (or the last one), summarised. */
  readonly regionalYears: readonly RegionalBacktestYear[];
}

/**
 * Back-test: fits mortality, fertility and migration on the years up to `cutoff` only, projects
 * the population from 1 January cutoff + 1 with the migration of the last five years before the
 * cut-off (no calibration to later totals), and compares the national deaths of every later year
 * with the CBS series. Regions: the SMR trend over the regional years up to the cut-off (at most
 * to the year before the last regional year; outside the COVID-19 years), read at each later
 * regional year, predicts each region's share of that year's observed national deaths.
 */
export function backtest(sources: DemographySources, cutoff: number): BacktestResult {
  const { deaths, population } = sources;
  if (!Number.isInteger(cutoff) || cutoff < 2005 || cutoff >= deaths.lastYear) {
    throw invalid('cutoff', cutoff);
  }
  const fit = fitLeeCarter(deaths, population, {
    fitFrom: DEMOGRAPHY_DEFAULTS.fitFrom,
    fitTo: cutoff,
  });
  const projected = projectNation({
    fit,
    deaths,
    population,
    lastYear: deaths.lastYear,
    residualYearCount: DEMOGRAPHY_DEFAULTS.residualYearCount,
  });
  const national: BacktestYear[] = [];
  for (let year = cutoff + 1; year <= deaths.lastYear; year++) {
    const predicted = sumAges(projected.deaths, year);
    const observed = sumAges(deaths, year);
    national.push({ year, predicted, observed, error: predicted / observed - 1 });
  }
  const regional = regionalBacktest(sources, buildDemography(sources).nation, cutoff);
  return { cutoff, fitYears: fit.male.fitYears, national, ...regional };
}

function regionalBacktest(
  sources: DemographySources,
  nation: NationalProjection,
  cutoff: number,
): Pick<BacktestResult, 'regions' | 'regionalYears'> {
  const years = regionalYearsOf(sources);
  const lastRegionalYear = Math.max(...years);
  const fitTo = Math.min(cutoff, lastRegionalYear - 1);
  const smrYears = smrYearsOf(sources.regions, fitTo + 1);
  const predict = (year: number): RegionalBacktestRow[] =>
    regionalDemography({
      nation,
      regions: sources.regions,
      baseYear: sources.regionalBaseYear,
      smrYears,
      smrAt: year,
      observedYears: [],
    }).map((r, i) => {
      const predicted = r.deaths.get(year)!;
      const observed = sources.regions[i]!.deaths[year]!;
      return { code: r.code, year, predicted, observed, error: predicted / observed - 1 };
    });
  const predicted = years.filter((y) => y > fitTo).map(predict);
  const regionalYears = predicted.map((rows) => {
    const errors = rows.map((r) => Math.abs(r.error));
    return {
      year: rows[0]!.year,
      meanAbsError: errors.reduce((s, e) => s + e, 0) / errors.length,
      maxAbsError: Math.max(...errors),
      within5Percent: errors.filter((e) => e <= 0.05).length,
    };
  });
  return {
    regions: { year: lastRegionalYear, smrYears, rows: predicted.at(-1)! },
    regionalYears,
  };
}

/** Years observed in every region. */
function regionalYearsOf(sources: DemographySources): number[] {
  const first = sources.regions[0]?.deaths ?? {};
  return Object.keys(first)
    .map(Number)
    .filter((y) => sources.regions.every((r) => r.deaths[y] !== undefined))
    .sort((a, b) => a - b);
}
