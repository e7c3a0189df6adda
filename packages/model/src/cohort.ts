// Cohort-component projection of the national population by single age and sex, one year at a time
// (the standard method of national statistics offices; CBS Kernprognose uses the same frame):
//   P(t+1, x+1) = P(t, x) · S(x, t) + M(x+1),   S(x, t) = exp(−(m(x, t) + m(x+1, t)) / 2),
//   P(t+1, 0)   = births(t) · exp(−m(0, t) / 2),  births(t) = fertility · women 15–49 on 1 January t,
//   deaths(x, t) = m(x, t) · (P(t, x) + P(t+1, x)) / 2,
// with m from the Lee–Carter projection, and net migration M by age and sex taken from the residual
// of the observed years (labelled assumptions, docs/method.md §2). The migration level can be
// calibrated so that the projection passes a published CBS total.

import type { AgeSexTable, Sex } from './age-sex';
import { AGE_COUNT, OPEN_AGE, SEXES, emptyTable, hasYear, sumAges, yearOf } from './age-sex';
import { invalid } from './checks';
import { type LeeCarterFit, kStandardDeviation, observedRates, projectedRates } from './lee-carter';

export interface CohortAssumptions {
  /** Births per woman aged 15–49 on 1 January, per year (mean of the residual years). */
  readonly fertility: number;
  /** Share of boys among births. */
  readonly maleShareOfBirths: number;
  /** Net migration per year at the scale used (persons, both sexes, all ages). */
  readonly netMigration: number;
  /** Scale applied to the observed migration pattern (1 = the mean of the residual years). */
  readonly migrationScale: number;
  /** Years whose residuals give fertility and the migration pattern. */
  readonly residualYears: readonly number[];
}

export interface NationalProjection {
  /** Population on 1 January, observed up to jumpOffYear + 1, projected after. */
  readonly population: AgeSexTable;
  /** Deaths per calendar year, observed up to jumpOffYear, projected after. */
  readonly deaths: AgeSexTable;
  /** Mortality rates per year: observed up to jumpOffYear, Lee–Carter after. */
  readonly rates: AgeSexTable;
  readonly jumpOffYear: number;
  /** Standard deviation of ln(total deaths) per year from firstYear (0 in observed years). */
  readonly deathsLogSd: Float64Array;
  readonly assumptions: CohortAssumptions;
}

export interface NationalProjectionOptions {
  readonly fit: LeeCarterFit;
  /** Observed deaths and 1 January population (population must include jumpOffYear + 1). */
  readonly deaths: AgeSexTable;
  readonly population: AgeSexTable;
  /** Last year to project deaths for (population runs to 1 January of the year after). */
  readonly lastYear: number;
  /** Years before and including the jump-off whose residuals give fertility and migration. */
  readonly residualYearCount?: number;
  /** Migration level: a fixed scale, or calibrated to a published population total. */
  readonly migration?:
    { readonly scale: number } | { readonly targetYear: number; readonly targetPopulation: number };
}

interface Residuals {
  readonly fertility: number;
  readonly maleShare: number;
  readonly migration: { readonly [sex in Sex]: Float64Array };
  readonly years: number[];
}

function cohortSurvival(rates: Float64Array, x: number): number {
  return x === OPEN_AGE ? Math.exp(-rates[OPEN_AGE]!) : Math.exp(-(rates[x]! + rates[x + 1]!) / 2);
}

function womenOfChildbearingAge(population: Float64Array): number {
  let w = 0;
  for (let x = 15; x <= 49; x++) {
    w += population[x]!;
  }
  return w;
}

/** Fertility, sex ratio and mean net migration by age and sex from observed years. */
function residuals(
  deaths: AgeSexTable,
  population: AgeSexTable,
  jumpOffYear: number,
  count: number,
): Residuals {
  const years = Array.from({ length: count }, (_, i) => jumpOffYear - count + 1 + i).filter(
    (y) => hasYear(deaths, y) && hasYear(population, y) && hasYear(population, y + 1),
  );
  if (years.length === 0) {
    throw invalid('residualYearCount', count);
  }
  const migration = { male: new Float64Array(AGE_COUNT), female: new Float64Array(AGE_COUNT) };
  let births = 0;
  let boys = 0;
  let women = 0;
  for (const year of years) {
    for (const sex of SEXES) {
      const m = observedRates(deaths, population, sex, year);
      const p0 = yearOf(population, sex, year);
      const p1 = yearOf(population, sex, year + 1);
      const born = p1[0]! / Math.exp(-m[0]! / 2);
      births += born;
      boys += sex === 'male' ? born : 0;
      for (let x = 1; x < AGE_COUNT; x++) {
        const survivors =
          x === OPEN_AGE
            ? p0[x - 1]! * cohortSurvival(m, x - 1) + p0[x]! * cohortSurvival(m, x)
            : p0[x - 1]! * cohortSurvival(m, x - 1);
        migration[sex][x]! += (p1[x]! - survivors) / years.length;
      }
    }
    women += womenOfChildbearingAge(yearOf(population, 'female', year));
  }
  return { fertility: births / women, maleShare: boys / births, migration, years };
}

function project(
  options: NationalProjectionOptions,
  r: Residuals,
  scale: number,
): NationalProjection {
  const { fit, deaths, population, lastYear } = options;
  const jumpOffYear = fit.jumpOffYear;
  const firstYear = population.firstYear;
  const pop = emptyTable(firstYear, lastYear + 1);
  const dead = emptyTable(firstYear, lastYear);
  const rates = emptyTable(firstYear, lastYear);
  const deathsLogSd = new Float64Array(lastYear - firstYear + 1);
  for (const sex of SEXES) {
    for (let year = firstYear; year <= jumpOffYear + 1; year++) {
      yearOf(pop, sex, year).set(yearOf(population, sex, year));
    }
    for (let year = firstYear; year <= jumpOffYear; year++) {
      yearOf(dead, sex, year).set(yearOf(deaths, sex, year));
      yearOf(rates, sex, year).set(observedRates(deaths, population, sex, year));
    }
  }
  for (let year = jumpOffYear + 1; year <= lastYear; year++) {
    const births = r.fertility * womenOfChildbearingAge(yearOf(pop, 'female', year));
    let total = 0;
    let sensitivity = 0;
    for (const sex of SEXES) {
      const m = projectedRates(fit[sex], jumpOffYear, year);
      yearOf(rates, sex, year).set(m);
      const p0 = yearOf(pop, sex, year);
      const p1 = yearOf(pop, sex, year + 1);
      const migration = r.migration[sex];
      p1[0] = births * (sex === 'male' ? r.maleShare : 1 - r.maleShare) * Math.exp(-m[0]! / 2);
      for (let x = 1; x < AGE_COUNT; x++) {
        const survivors = p0[x - 1]! * cohortSurvival(m, x - 1);
        const stayers = x === OPEN_AGE ? p0[x]! * cohortSurvival(m, x) : 0;
        p1[x] = Math.max(0, survivors + stayers + scale * migration[x]!);
      }
      const d = yearOf(dead, sex, year);
      let sexDeaths = 0;
      let weighted = 0;
      for (let x = 0; x < AGE_COUNT; x++) {
        d[x] = (m[x]! * (p0[x]! + p1[x]!)) / 2;
        sexDeaths += d[x]!;
        weighted += d[x]! * fit[sex].b[x]!;
      }
      total += sexDeaths;
      // d ln D / d k = Σ D(x)·b(x) / D; the two sexes are taken as fully correlated (conservative).
      sensitivity += weighted * kStandardDeviation(fit[sex], year - jumpOffYear);
    }
    deathsLogSd[year - firstYear] = Math.abs(sensitivity) / total;
  }
  const netMigration =
    scale *
    (r.migration.male.reduce((s, v) => s + v, 0) + r.migration.female.reduce((s, v) => s + v, 0));
  return {
    population: pop,
    deaths: dead,
    rates,
    jumpOffYear,
    deathsLogSd,
    assumptions: {
      fertility: r.fertility,
      maleShareOfBirths: r.maleShare,
      netMigration,
      migrationScale: scale,
      residualYears: r.years,
    },
  };
}

/** Projects the national population and deaths from the Lee–Carter fit's jump-off year. */
export function projectNation(options: NationalProjectionOptions): NationalProjection {
  const { fit, population, lastYear } = options;
  if (!hasYear(population, fit.jumpOffYear + 1)) {
    throw invalid('population.lastYear', population.lastYear);
  }
  if (!Number.isInteger(lastYear) || lastYear <= fit.jumpOffYear || lastYear > 2100) {
    throw invalid('lastYear', lastYear);
  }
  const r = residuals(options.deaths, population, fit.jumpOffYear, options.residualYearCount ?? 5);
  const migration = options.migration ?? { scale: 1 };
  if ('scale' in migration) {
    return project(options, r, migration.scale);
  }
  const { targetYear, targetPopulation } = migration;
  if (!Number.isInteger(targetYear) || targetYear <= fit.jumpOffYear + 1 || targetYear > lastYear) {
    throw invalid('migration.targetYear', targetYear);
  }
  // Population in the target year is almost linear in the migration scale: secant steps.
  const at = (scale: number) => sumAges(project(options, r, scale).population, targetYear);
  let [s0, p0] = [0, at(0)];
  let [s1, p1] = [1, at(1)];
  for (let i = 0; i < 8 && Math.abs(p1 - targetPopulation) > 1; i++) {
    const next = s1 + ((targetPopulation - p1) * (s1 - s0)) / (p1 - p0);
    if (!Number.isFinite(next) || next < -2 || next > 6) {
      throw invalid('migration.targetPopulation', targetPopulation);
    }
    [s0, p0] = [s1, p1];
    [s1, p1] = [next, at(next)];
  }
  return project(options, r, s1);
}

/** Total deaths per year of a projection, firstYear … lastYear. */
export function totalDeaths(projection: NationalProjection): Map<number, number> {
  const out = new Map<number, number>();
  for (let y = projection.deaths.firstYear; y <= projection.deaths.lastYear; y++) {
    out.set(y, sumAges(projection.deaths, y));
  }
  return out;
}
