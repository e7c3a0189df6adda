// Population and deaths by age band 0–64, 65–79, 80+, nationally, 2000–2050: the demography
// pipeline's result on the CBS series (observed to 2024, Lee–Carter and cohort-component projection
// after; docs/method.md §2–3), kept here as a table so that the model needs no data files. Regions
// without their own deaths get these national rates per band.

import { invalid } from './checks';
import { NATIONAL_BANDS } from './national-bands';

export const AGE_BANDS = ['0-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Persons per age band. */
export type AgeBands = { readonly [band in AgeBand]: number };

export const FIRST_POPULATION_YEAR = 2000;
export const LAST_YEAR = 2050;

function checkYear(year: number, first = FIRST_POPULATION_YEAR): void {
  if (!Number.isInteger(year) || year < first || year > LAST_YEAR) {
    throw invalid('year', year);
  }
}

function checkBands(name: string, bands: AgeBands): void {
  for (const band of AGE_BANDS) {
    const value = bands[band];
    if (!Number.isFinite(value) || value < 0) {
      throw invalid(`${name}.${band}`, value);
    }
  }
}

function rowOf(year: number): readonly number[] {
  checkYear(year);
  return NATIONAL_BANDS[year - FIRST_POPULATION_YEAR]!;
}

/** National population by age band on 1 January of `year` (2000–2050), persons. */
export function nationalPopulation({ year }: { readonly year: number }): AgeBands {
  const row = rowOf(year);
  return { '0-64': row[1]!, '65-79': row[2]!, '80+': row[3]! };
}

/** National deaths by age band in `year` (2000–2050): CBS to 2024, projected after. */
export function nationalDeathsByBand({ year }: { readonly year: number }): AgeBands {
  const row = rowOf(year);
  return { '0-64': row[4]!, '65-79': row[5]!, '80+': row[6]! };
}

/** National deaths in `year`, all ages. */
export function nationalDeaths({ year }: { readonly year: number }): number {
  const d = nationalDeathsByBand({ year });
  return d['0-64'] + d['65-79'] + d['80+'];
}

/**
 * Deaths per person (1 January population) per band in `year`. Applied to a region without its own
 * deaths [assumption: national mortality within each band].
 */
export function nationalBandRates({ year }: { readonly year: number }): AgeBands {
  const p = nationalPopulation({ year });
  const d = nationalDeathsByBand({ year });
  return {
    '0-64': d['0-64'] / p['0-64'],
    '65-79': d['65-79'] / p['65-79'],
    '80+': d['80+'] / p['80+'],
  };
}

/**
 * Projects a region's population by age band from its base year to `year` with the national growth
 * factor of each band: pop(year) = pop(base) × national(year) / national(base).
 *
 * Assumption (stated in docs/method.md): every region ages at the national pace per band. Regional
 * migration and regional differences in ageing are ignored; import a PBL/CBS regional prognosis
 * (populationByYear) to replace this. Units: persons; years 2000–2050.
 */
export function projectPopulation({
  basePopulation,
  baseYear,
  year,
}: {
  readonly basePopulation: AgeBands;
  readonly baseYear: number;
  readonly year: number;
}): AgeBands {
  checkBands('basePopulation', basePopulation);
  checkYear(baseYear);
  checkYear(year);
  const from = nationalPopulation({ year: baseYear });
  const to = nationalPopulation({ year });
  return {
    '0-64': (basePopulation['0-64'] * to['0-64']) / from['0-64'],
    '65-79': (basePopulation['65-79'] * to['65-79']) / from['65-79'],
    '80+': (basePopulation['80+'] * to['80+']) / from['80+'],
  };
}

/**
 * Age bands from the totals that CBS regional tables give: total population, 65+ and (if known)
 * 80+. Without 80+, the 65+ group is split by the national 80+ share of 65+ in that year
 * (an assumption). Units: persons; year 2000–2050.
 */
export function splitAgeBands({
  population,
  age65Plus,
  age80Plus,
  year,
}: {
  readonly population: number;
  readonly age65Plus: number;
  readonly age80Plus?: number;
  readonly year: number;
}): AgeBands {
  checkYear(year);
  if (!Number.isFinite(population) || population < 0) {
    throw invalid('population', population);
  }
  if (!Number.isFinite(age65Plus) || age65Plus < 0 || age65Plus > population) {
    throw invalid('age65Plus', age65Plus);
  }
  let eighty: number;
  if (age80Plus === undefined) {
    const national = nationalPopulation({ year });
    eighty = (age65Plus * national['80+']) / (national['65-79'] + national['80+']);
  } else {
    if (!Number.isFinite(age80Plus) || age80Plus < 0 || age80Plus > age65Plus) {
      throw invalid('age80Plus', age80Plus);
    }
    eighty = age80Plus;
  }
  return { '0-64': population - age65Plus, '65-79': age65Plus - eighty, '80+': eighty };
}
