import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  AGE_COUNT,
  OPEN_AGE,
  sumAges,
  type AgeSexTable,
  type Demography,
  type DemographySources,
  buildDemography,
  emptyTable,
  yearOf,
} from '@palliamonitor/model';
import { readSeedCsv, seedPath } from '../seed-files';
import { regionalDeaths2002 } from './regional-deaths';

// The CBS series in seed/reference/demography (SOURCES.md there; Bron: CBS, CC BY 4.0), read into
// the model's shapes. Read once per process: they are part of the release, not of the store.

const DIR = 'reference/demography';

function readCsv(name: string): Array<Record<string, string>> {
  // The CBS exports start with a byte-order mark; csv-parse keeps it in the first header otherwise.
  return parse(readFileSync(seedPath(`${DIR}/${name}`), 'utf8'), {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    trim: true,
  }) as Array<Record<string, string>>;
}

function count(text: string | undefined, where: string): number {
  const value = Number(text);
  if (text === undefined || text === '' || !Number.isFinite(value) || value < 0) {
    throw new Error(`reference demography: bad number "${text}" in ${where}`);
  }
  return value;
}

/** Deaths by single age and sex, 2000–2024 (CBS; the file also holds 1970, which is skipped). */
function nationalDeaths(): AgeSexTable {
  const rows = readCsv('deaths_nl_age_sex_1970_2000_2024.csv').filter((r) => r.Jaar !== '1970');
  const years = rows.map((r) => Number(r.Jaar));
  const table = emptyTable(Math.min(...years), Math.max(...years));
  for (const row of rows) {
    const year = Number(row.Jaar);
    const age = Number(row.Leeftijd);
    const where = `deaths ${year} age ${age}`;
    yearOf(table, 'male', year)[age] = count(row.Mannen, where);
    yearOf(table, 'female', year)[age] = count(row.Vrouwen, where);
  }
  return table;
}

/** Population on 1 January by single age and sex, 2000–2025 (CBS). */
function nationalPopulation(): AgeSexTable {
  const rows = readCsv('population_nl_age_sex_2000_2025.csv');
  const years = Object.keys(rows[0]!)
    .filter((k) => /^\d{4}$/.test(k))
    .map(Number);
  const table = emptyTable(Math.min(...years), Math.max(...years));
  for (const row of rows) {
    const sex = row.Geslacht === 'Mannen' ? 'male' : row.Geslacht === 'Vrouwen' ? 'female' : null;
    const age = Number(row.Leeftijd);
    if (sex === null || !(age >= 0 && age < AGE_COUNT)) {
      throw new Error(`reference demography: unexpected row ${row.Geslacht} ${row.Leeftijd}`);
    }
    for (const year of years) {
      yearOf(table, sex, year)[age] = count(row[String(year)], `population ${year} ${sex} ${age}`);
    }
  }
  return table;
}

export const AGE_GROUPS_5 = [
  '0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49',
  '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90-94', '95+',
] as const; // prettier-ignore

export interface RegionalReference {
  readonly code: string;
  readonly name: string;
  /** Persons on 1 January 2021 per 5-year age group (AGE_GROUPS_5 order). */
  readonly population2021: readonly number[];
  /**
   * Deaths per year 2002–2021 (2021 provisional): the CBS counts per historic gemeente mapped onto
   * the gemeenten of 2025 (regional-deaths.ts; docs/data-sources.md).
   */
  readonly deaths: Readonly<Record<number, number>>;
}

function regional(): RegionalReference[] {
  const derived = regionalDeaths2002();
  return readSeedCsv(`${DIR}/population_zorgkantoorregio_age5_2021.csv`).map((r) => {
    const code = r.zorgkantoorregio_code!;
    const series = derived.regions.get(code);
    if (!series) {
      throw new Error(`reference demography: no deaths for ${code}`);
    }
    return {
      code,
      name: r.zorgkantoorregio_naam!,
      population2021: AGE_GROUPS_5.map((g) => count(r[g], `${code} ${g}`)),
      deaths: Object.fromEntries(derived.years.map((y, i) => [y, series[i]!])),
    };
  });
}

export interface ReferenceDemography {
  readonly deaths: AgeSexTable;
  readonly population: AgeSexTable;
  readonly regions: readonly RegionalReference[];
}

let loaded: ReferenceDemography | undefined;

/** The national and regional CBS series shipped in seed/reference/demography. */
export function referenceDemography(): ReferenceDemography {
  loaded ??= { deaths: nationalDeaths(), population: nationalPopulation(), regions: regional() };
  return loaded;
}

/** The reference series in the shape the model's demography pipeline takes. */
export function demographySources(): DemographySources {
  const ref = referenceDemography();
  return {
    deaths: ref.deaths,
    population: ref.population,
    regions: ref.regions.map((r) => ({
      code: r.code,
      population: r.population2021,
      deaths: r.deaths,
    })),
    regionalBaseYear: 2021,
  };
}

let built: Demography | undefined;

/** The demography built from the reference series, once per process (about a second). */
export function referenceDemographyModel(): Demography {
  built ??= buildDemography(demographySources());
  return built;
}

const BANDS = [
  [0, 64],
  [65, 79],
  [80, OPEN_AGE],
] as const;

/** National population (1 January) and deaths per age band 0–64, 65–79, 80+, 2000–2050. */
export function nationalBands(): { year: number; population: number[]; deaths: number[] }[] {
  const { nation } = referenceDemographyModel();
  return Array.from({ length: 51 }, (_, i) => {
    const year = 2000 + i;
    return {
      year,
      population: BANDS.map(([a, b]) => Math.round(sumAges(nation.population, year, a, b))),
      deaths: BANDS.map(([a, b]) => Math.round(sumAges(nation.deaths, year, a, b))),
    };
  });
}

/** The source text of packages/model/src/national-bands.ts (see write-national-bands.ts). */
export function nationalBandsSource(): string {
  const rows = nationalBands()
    .map((r) => `  [${r.year}, ${r.population.join(', ')}, ${r.deaths.join(', ')}],`)
    .join('\n');
  return `// Generated by packages/data/src/demography/write-national-bands.ts from the demography pipeline
// on the CBS series (Bron: CBS); observed to 2024 (population to 1 January 2025), projected after
// (docs/method.md §2–3). Do not edit by hand.

/** [year, population 0–64, 65–79, 80+ on 1 January, deaths 0–64, 65–79, 80+ in the year]. */
export const NATIONAL_BANDS: readonly (readonly number[])[] = [
${rows}
];
`;
}
