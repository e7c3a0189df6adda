// Population by age band and deaths, nationally and per region, 2021–2050.
//
// No numeric CBS death projection per year was available (facts.md, "Not found"), so deaths come
// from population × mortality per age band. Every number below is either sourced (CBS figures with
// their source) or an assumption with the target it was calibrated to. docs/method.md lists them.

import { invalid } from './checks';

export const AGE_BANDS = ['0-64', '65-79', '80+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
/** Persons per age band. */
export type AgeBands = { readonly [band in AgeBand]: number };

export const FIRST_POPULATION_YEAR = 2021;
export const LAST_YEAR = 2050;

export interface PopulationAnchor {
  readonly year: number;
  /** Persons per age band on 1 January. */
  readonly bands: AgeBands;
  readonly basis: 'sourced' | 'assumption';
  readonly note: string;
}

/**
 * National population paths (persons, 1 January). Linear between anchors.
 * 2021 is sourced; later years are an assumption calibrated to the CBS Kernprognose (Dec 2024) and
 * NIDI/CBS figures in facts.md: 80+ about 900,000 in 2024, about 1.8 million in 2045 and about
 * 2 million in 2050; 65+ a quarter of the population in 2040 and stable 2040–2050; 19 million
 * inhabitants passed in 2037, 20 million in 2058.
 */
export const NATIONAL_POPULATION_ANCHORS: readonly PopulationAnchor[] = [
  {
    year: 2021,
    bands: { '0-64': 14_017_991, '65-79': 2_618_728, '80+': 838_696 },
    basis: 'sourced',
    note: 'CBS population 1 January 2021: total 17,475,415; 65–79 2,618,728; 80+ 838,696 (SOURCES.md)',
  },
  {
    year: 2024,
    bands: { '0-64': 14_320_000, '65-79': 2_720_000, '80+': 900_000 },
    basis: 'assumption',
    note: 'total about 17.94 million; 80+ about 900,000 (CBS Kernprognose 2024 via skipr.nl)',
  },
  {
    year: 2030,
    bands: { '0-64': 14_300_000, '65-79': 3_030_000, '80+': 1_120_000 },
    basis: 'assumption',
    note: 'baby boomers (born 1946–1964) move into 65–79 and start turning 80',
  },
  {
    year: 2035,
    bands: { '0-64': 14_260_000, '65-79': 3_170_000, '80+': 1_420_000 },
    basis: 'assumption',
    note: 'interpolated towards the 2037 and 2040 targets',
  },
  {
    year: 2040,
    bands: { '0-64': 14_400_000, '65-79': 3_150_000, '80+': 1_650_000 },
    basis: 'assumption',
    note: '65+ = 4.8 million = 25% of 19.2 million (CBS: a quarter by 2040); 19.0 million in 2037',
  },
  {
    year: 2045,
    bands: { '0-64': 14_650_000, '65-79': 3_000_000, '80+': 1_800_000 },
    basis: 'assumption',
    note: '80+ about 1.8 million (CBS: doubling in 20 years); 65+ stable 2040–2050',
  },
  {
    year: 2050,
    bands: { '0-64': 14_870_000, '65-79': 2_850_000, '80+': 2_000_000 },
    basis: 'assumption',
    note: '80+ about 2 million (NIDI/CBS Verkenning Bevolking 2050); total 19.7 million on the way to 20 million in 2058',
  },
];

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

/** Linear interpolation in a list of (year, value) anchors sorted by year. */
function interpolate(anchors: readonly (readonly [number, number])[], year: number): number {
  const first = anchors[0]!;
  if (year <= first[0]) {
    return first[1];
  }
  for (let i = 1; i < anchors.length; i++) {
    const [y1, v1] = anchors[i]!;
    if (year <= y1) {
      const [y0, v0] = anchors[i - 1]!;
      return v0 + ((v1 - v0) * (year - y0)) / (y1 - y0);
    }
  }
  return anchors.at(-1)![1];
}

function anchorsOf(band: AgeBand): readonly (readonly [number, number])[] {
  return NATIONAL_POPULATION_ANCHORS.map((a) => [a.year, a.bands[band]] as const);
}
const bandAnchors: Record<AgeBand, readonly (readonly [number, number])[]> = {
  '0-64': anchorsOf('0-64'),
  '65-79': anchorsOf('65-79'),
  '80+': anchorsOf('80+'),
};

/**
 * National population by age band on 1 January of `year` (2021–2050), persons. Linear between the
 * anchors of {@link NATIONAL_POPULATION_ANCHORS} (2021 sourced, later years an assumption).
 */
export function nationalPopulation({ year }: { readonly year: number }): AgeBands {
  checkYear(year);
  return {
    '0-64': interpolate(bandAnchors['0-64'], year),
    '65-79': interpolate(bandAnchors['65-79'], year),
    '80+': interpolate(bandAnchors['80+'], year),
  };
}

/**
 * Projects a region's population by age band from its base year to `year` with the national growth
 * factor of each band: pop(year) = pop(base) × national(year) / national(base).
 *
 * Assumption (stated in docs/method.md): every region ages at the national pace per band. Regional
 * migration and regional differences in ageing are ignored; import a PBL/CBS regional prognosis
 * (populationByYear) to replace this. Units: persons; years 2021–2050.
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
 * (an assumption: 24.3% in 2021). Units: persons; year 2021–2050.
 * Source for the 2021 data per zorgkantoorregio: data/seed/reference/demography (CBS 70072ned).
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

/**
 * Deaths in 2024 per age band [assumption with targets]: total 172,000 (CBS provisional 2024,
 * sourced), of which 57% aged 80+ (CBS, sourced) = 98,040. The split of the other 73,960 between
 * 0–64 and 65–79 is an assumption (no age table was available).
 */
export const DEATHS_2024: AgeBands = { '0-64': 22_000, '65-79': 51_960, '80+': 98_040 };

const population2024 = NATIONAL_POPULATION_ANCHORS.find((a) => a.year === 2024)!.bands;

/** Mortality per person-year in 2024 per band: DEATHS_2024 / national population 2024. */
export const MORTALITY_2024: AgeBands = {
  '0-64': DEATHS_2024['0-64'] / population2024['0-64'],
  '65-79': DEATHS_2024['65-79'] / population2024['65-79'],
  '80+': DEATHS_2024['80+'] / population2024['80+'],
};

/**
 * Default yearly mortality improvement [assumption]: 1.5% per year in every band, consistent with
 * life expectancy rising from about 82 to about 87 years 2022–2050 (RIVM VTV-2024).
 */
export const DEFAULT_MORTALITY_IMPROVEMENT = 0.015;

/**
 * Age-mix factor of the 80+ band [assumption, calibrated]: the 80+ group gets younger while the baby
 * boomers turn 80 (2026–2040) and older again after 2040, which lowers and then raises its average
 * mortality. Calibrated with the default 1.5% improvement so that NL deaths are about 172,000 in 2024,
 * roughly flat to 2030 (about 176,000; CBS: "roughly stable, then rising after 2030"), then rise to
 * about 203,000 in 2050 (RIVM VTV-2024: "more than 30,000 extra deaths per year by 2050").
 */
export const EIGHTY_PLUS_MIX_ANCHORS: readonly (readonly [number, number])[] = [
  [2024, 1],
  [2030, 0.925],
  [2035, 0.865],
  [2040, 0.895],
  [2045, 0.98],
  [2050, 1.025],
];

/** The 80+ age-mix factor in `year` (1 in 2024), linear between {@link EIGHTY_PLUS_MIX_ANCHORS}. */
export function eightyPlusMixFactor({ year }: { readonly year: number }): number {
  checkYear(year, 2024);
  return interpolate(EIGHTY_PLUS_MIX_ANCHORS, year);
}

/**
 * Deaths in a year from population by age band:
 * Σ population(band) × mortality2024(band) × mix(band, year) × cumulativeImprovement,
 * where mix is 1 except for 80+ ({@link eightyPlusMixFactor}) and cumulativeImprovement is
 * Π over 2025..year of (1 − yearly improvement) (1 in 2024).
 *
 * Units: persons → deaths per year. Assumption: the same mortality per band in every region (the
 * region's own deaths can be given instead, see RegionInput.deathsByYear). Source of the calibration:
 * {@link DEATHS_2024}, {@link EIGHTY_PLUS_MIX_ANCHORS}.
 */
export function deathsFromPopulation({
  population,
  year,
  cumulativeImprovement,
}: {
  readonly population: AgeBands;
  readonly year: number;
  readonly cumulativeImprovement: number;
}): number {
  checkBands('population', population);
  if (!Number.isFinite(cumulativeImprovement) || cumulativeImprovement <= 0) {
    throw invalid('cumulativeImprovement', cumulativeImprovement);
  }
  const mix = eightyPlusMixFactor({ year });
  return (
    (population['0-64'] * MORTALITY_2024['0-64'] +
      population['65-79'] * MORTALITY_2024['65-79'] +
      population['80+'] * MORTALITY_2024['80+'] * mix) *
    cumulativeImprovement
  );
}

/**
 * National deaths per year with a constant yearly mortality improvement (default 1.5%), from the
 * national population paths. Units: deaths per year. See {@link deathsFromPopulation}.
 */
export function nationalDeaths({
  year,
  mortalityImprovement = DEFAULT_MORTALITY_IMPROVEMENT,
}: {
  readonly year: number;
  readonly mortalityImprovement?: number;
}): number {
  checkYear(year, 2024);
  return deathsFromPopulation({
    population: nationalPopulation({ year }),
    year,
    cumulativeImprovement: (1 - mortalityImprovement) ** (year - 2024),
  });
}
