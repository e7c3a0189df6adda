import { sql, type Kysely } from 'kysely';
import {
  ALL_HOSPICE_BEDS,
  CALIBRATION_YEAR,
  DEFAULT_MULTIPLE_REGISTRATION_SHARE,
  DEMOGRAPHY_DEFAULTS,
  FIRST_YEAR,
  GUEST_COUNTS,
  MEMBER_BEDS,
  NUMERIC_PARAMETERS,
  POOLING_RAMP_YEARS,
  REFUSALS_PER_YEAR,
  SHARE_TREND,
  poolingAt,
  sumAges,
  valueAt,
  type ForecastRow,
  type RegionInput,
  type Scenario,
} from '@palliamonitor/model';
import type { Database } from '../store/schema';
import { openOn, validOn } from '../store/valid-on';
import { referenceDemography, referenceDemographyModel } from '../demography/reference-demography';

// What a forecast answer says about itself: which rows are observed, every input with its
// provenance (measured, imported, assumed) and whether it rests on synthetic facilities.

export type Provenance = 'measured' | 'imported' | 'assumed';

export interface ForecastInput {
  readonly name: string;
  readonly value: number | string;
  readonly provenance: Provenance;
  readonly source: string;
}

export interface RegistryFacts {
  readonly facilities: number;
  readonly beds: number;
  readonly syntheticFacilities: number;
  readonly syntheticBeds: number;
}

/** Open facilities and beds per zorgkantoorregio on `asOf`, and how many of them are synthetic. */
export async function registryFacts(
  db: Kysely<Database>,
  asOf: string,
): Promise<Map<string, RegistryFacts>> {
  const { rows } = await sql<{
    code: string;
    facilities: number;
    beds: number;
    synthetic_facilities: number;
    synthetic_beds: number;
  }>`
    select m.parent_code as code, count(*)::int as facilities,
      coalesce(sum(v.licensed_beds), 0)::int as beds,
      count(*) filter (where h.is_synthetic)::int as synthetic_facilities,
      coalesce(sum(v.licensed_beds) filter (where h.is_synthetic), 0)::int as synthetic_beds
    from hospice_version v
    join hospice h on h.id = v.hospice_id
    join region_membership m on m.gemeente_code = v.gemeente_code
    where ${validOn('v', asOf)} and ${openOn('v', asOf)}
      and m.parent_type = 'zorgkantoorregio' and ${validOn('m', asOf)}
    group by m.parent_code`.execute(db);
  return new Map(
    rows.map((r) => [
      r.code,
      {
        facilities: Number(r.facilities),
        beds: Number(r.beds),
        syntheticFacilities: Number(r.synthetic_facilities),
        syntheticBeds: Number(r.synthetic_beds),
      },
    ]),
  );
}

/** Sums the facts of the regions in scope (one region, or all for NL). */
export function factsFor(facts: Map<string, RegistryFacts>, code: string): RegistryFacts {
  const parts = code === 'NL' ? [...facts.values()] : [facts.get(code)].filter((f) => f);
  const sum = (key: keyof RegistryFacts) => parts.reduce((s, f) => s + f![key], 0);
  return {
    facilities: sum('facilities'),
    beds: sum('beds'),
    syntheticFacilities: sum('syntheticFacilities'),
    syntheticBeds: sum('syntheticBeds'),
  };
}

/** Observed deaths of a region (CBS counts per zorgkantoorregio) or of the nation, per year. */
export function observedDeaths(code: string): ReadonlyMap<number, number> {
  const ref = referenceDemography();
  if (code === 'NL') {
    const out = new Map<number, number>();
    for (let y = ref.deaths.firstYear; y <= ref.deaths.lastYear; y++) {
      out.set(y, sumAges(ref.deaths, y));
    }
    return out;
  }
  const region = ref.regions.find((r) => r.code === code);
  return new Map(Object.entries(region?.deaths ?? {}).map(([y, d]) => [Number(y), d]));
}

export type AnsweredRow<T> = ForecastRow<T> & {
  readonly observed: boolean;
  readonly observedDeaths?: number;
};

/**
 * Marks the rows of observed years. The row's deaths are the model's: for a region its observed
 * count scaled so the regions add up to the nation (within about 0.2%, the CBS regional counts
 * being provisional for 2021), so the count itself is given too. For the nation they are the CBS
 * count: the national row sums the regions' rows, which add up to it only to within floating-point
 * rounding (170,971.99999999997 for 170,972), and an observed count is a whole number.
 */
export function markObserved<T>(rows: ForecastRow<T>[], code: string): AnsweredRow<T>[] {
  const observed = observedDeaths(code);
  return rows.map((row) => {
    const deaths = observed.get(row.year);
    if (deaths === undefined) {
      return { ...row, observed: false };
    }
    return {
      ...row,
      // A row of numbers (not of bands): its deaths are the count itself.
      ...(code === 'NL' && typeof row.deaths === 'number' ? { deaths: deaths as T & number } : {}),
      observed: true,
      observedDeaths: deaths,
    };
  });
}

const CBS_DEATHS = 'CBS, Overledenen; geslacht, leeftijd (deaths_nl_age_sex_1970_2000_2024.csv)';

/** The demography's inputs: the CBS series (imported) and the assumptions of its projection. */
function demographyInputs(code: string): ForecastInput[] {
  const model = referenceDemographyModel();
  const a = model.nation.assumptions;
  const inputs: ForecastInput[] = [
    {
      name: 'deaths.national',
      value: `2000–${model.lastObservedYear}`,
      provenance: 'imported',
      source: `${CBS_DEATHS}; 2024: 172,165`,
    },
    {
      name: 'population.national',
      value: `1 January 2000–${model.lastObservedYear + 1}`,
      provenance: 'imported',
      source: 'CBS, Bevolking; geslacht, leeftijd, 1 januari (population_nl_age_sex_2000_2025.csv)',
    },
    {
      name: 'mortality.leeCarter',
      value: `fit ${DEMOGRAPHY_DEFAULTS.fitFrom}–${DEMOGRAPHY_DEFAULTS.fitTo} without 2020–2022; drift k men ${model.fit.male.drift.toFixed(2)}, women ${model.fit.female.drift.toFixed(2)} a year`,
      provenance: 'assumed',
      source: 'Lee & Carter (1992), fitted to the CBS series (docs/method.md §3)',
    },
    {
      name: 'netMigration',
      value: Math.round(a.netMigration),
      provenance: 'assumed',
      source: `pattern of ${a.residualYears[0]}–${a.residualYears.at(-1)}, level calibrated to CBS Kernprognose 2024 (19 million in 2037)`,
    },
    {
      name: 'fertility',
      value: Number(a.fertility.toFixed(5)),
      provenance: 'assumed',
      source: `births per woman aged 15–49, mean of ${a.residualYears[0]}–${a.residualYears.at(-1)} (CBS series)`,
    },
  ];
  const region = model.regions.find((r) => r.code === code);
  if (region) {
    inputs.push(
      {
        name: 'deaths.regional',
        value: '2002–2021',
        provenance: 'imported',
        source:
          'CBS deaths per historic gemeente (37259ned export), mapped onto the gemeenten of 2025 and summed per zorgkantoorregio',
      },
      {
        name: 'population.regional',
        value: '1 January 2021, 5-year age groups',
        provenance: 'imported',
        source: 'CBS 83502NED population per PC4 and age, summed per zorgkantoorregio',
      },
      {
        name: 'smr',
        value: Number(region.smr.toFixed(4)),
        provenance: 'imported',
        source: `trend of observed ÷ expected deaths at national rates ${model.smrYears[0]}–${model.smrYears.at(-1)}, read at 2021; ln-SE ${region.smrLogSe.toFixed(4)}`,
      },
    );
  }
  return inputs;
}

/** Scenario parameters in the first projected year, and the calibration constants. */
function scenarioInputs(scenario: Scenario, year: number, share: number): ForecastInput[] {
  const at = Math.max(year, FIRST_YEAR);
  const inputs: ForecastInput[] = NUMERIC_PARAMETERS.map((key) => {
    const path = scenario.parameters[key];
    const point = [...path.points].reverse().find((p) => p.year <= at) ?? path.points[0]!;
    return {
      name: key,
      value: valueAt({ path, year: at }),
      provenance: 'assumed',
      source: point.basis === 'sourced' ? (point.source ?? 'sourced') : 'assumption',
    };
  });
  inputs.push(
    {
      name: 'pooling',
      value: poolingAt({ path: scenario.parameters.pooling, year: at }),
      provenance: 'assumed',
      source: `assumption; changes ramp over ${POOLING_RAMP_YEARS} years`,
    },
    {
      name: 'hospiceShare.history',
      value: `${((Math.exp(SHARE_TREND.slope) - 1) * 100).toFixed(1)}% a year (log-linear), 2014–${CALIBRATION_YEAR}`,
      provenance: 'assumed',
      source: GUEST_COUNTS.map((c) => `${c.year}: ${c.guests} (${c.source})`).join('; '),
    },
    {
      name: 'guestsToAllBeds',
      value: `${ALL_HOSPICE_BEDS} ÷ ${MEMBER_BEDS}`,
      provenance: 'assumed',
      source:
        'all hospice beds (Omroep Brabant 2025) over member beds (rd.nl 2025); equal turnover per bed is an assumption',
    },
    {
      name: 'refusalsPerYear',
      value: REFUSALS_PER_YEAR,
      provenance: 'assumed',
      source: 'AHzN/VPTZ: 7,500 people a year refused (Trouw via nationalezorggids.nl)',
    },
    {
      name: 'multipleRegistrationShare',
      value: share,
      provenance: 'assumed',
      source:
        share === DEFAULT_MULTIPLE_REGISTRATION_SHARE ? 'assumption (default)' : 'assumption (set)',
    },
  );
  return inputs;
}

/** The inputs of a forecast or capacity answer for a region (or NL), with their provenance. */
export function forecastInputs(
  inputs: readonly RegionInput[],
  code: string,
  scenario: Scenario,
  options: { from: number; multipleRegistrationShare: number; asOf: string },
  facts: RegistryFacts,
): ForecastInput[] {
  const list = [
    ...demographyInputs(code),
    ...scenarioInputs(scenario, options.from, options.multipleRegistrationShare),
    {
      name: 'hospiceBeds',
      value: facts.beds,
      provenance: 'imported' as const,
      source: `registry on ${options.asOf}: ${facts.facilities} facilities, ${facts.syntheticFacilities} of them synthetic (${facts.syntheticBeds} beds)`,
    },
  ];
  for (const input of inputs) {
    if ((code === 'NL' || input.code === code) && input.observed) {
      const o = input.observed;
      list.push({
        name: `observed.${input.code}`,
        value: `admissions ${Math.round(o.admissionsPerYear)} a year, refusals ${Math.round(o.refusalsPerYear)} a year, mean stay ${o.meanLengthOfStay.toFixed(1)} days`,
        provenance: 'measured',
        source: o.source ?? `reported ${o.year}`,
      });
    }
  }
  return list;
}
