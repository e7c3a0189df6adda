// Tables by single year of age and sex, the shape of the CBS series the demography is fitted on.

import { invalid } from './checks';

/** Ages 0 … 104 single, 105 = 105 and older (as in the CBS tables). */
export const AGE_COUNT = 106;
export const OPEN_AGE = AGE_COUNT - 1;
export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Values per sex, year and age: `male[(year − firstYear) × AGE_COUNT + age]`. Deaths: in the
 * calendar year by age at death. Population: on 1 January of the year.
 */
export interface AgeSexTable {
  readonly firstYear: number;
  readonly lastYear: number;
  readonly male: Float64Array;
  readonly female: Float64Array;
}

export function emptyTable(firstYear: number, lastYear: number): AgeSexTable {
  const size = (lastYear - firstYear + 1) * AGE_COUNT;
  return { firstYear, lastYear, male: new Float64Array(size), female: new Float64Array(size) };
}

export function checkTable(name: string, table: AgeSexTable): void {
  const years = table.lastYear - table.firstYear + 1;
  if (!Number.isInteger(table.firstYear) || !(years >= 1)) {
    throw invalid(`${name}.years`, `${table.firstYear}–${table.lastYear}`);
  }
  for (const sex of SEXES) {
    const values = table[sex];
    if (values.length !== years * AGE_COUNT) {
      throw invalid(`${name}.${sex}.length`, values.length);
    }
    const bad = values.findIndex((v) => !Number.isFinite(v) || v < 0);
    if (bad >= 0) {
      throw invalid(`${name}.${sex}[${bad}]`, values[bad]);
    }
  }
}

/** The values of one year and sex (a view, not a copy). */
export function yearOf(table: AgeSexTable, sex: Sex, year: number): Float64Array {
  if (year < table.firstYear || year > table.lastYear) {
    throw invalid('year', year);
  }
  const start = (year - table.firstYear) * AGE_COUNT;
  return table[sex].subarray(start, start + AGE_COUNT);
}

export function hasYear(table: AgeSexTable, year: number): boolean {
  return year >= table.firstYear && year <= table.lastYear;
}

/** Sum over both sexes and the ages from..to (inclusive) in one year. */
export function sumAges(table: AgeSexTable, year: number, from = 0, to = OPEN_AGE): number {
  let total = 0;
  for (const sex of SEXES) {
    const values = yearOf(table, sex, year);
    for (let x = from; x <= to; x++) {
      total += values[x]!;
    }
  }
  return total;
}
