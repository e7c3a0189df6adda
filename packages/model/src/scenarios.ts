// Scenarios: a baseline and the three RIVM "Palliatieve zorg in 2050" futures, as parameter paths
// 2024 → 2050. Every value says whether it is sourced or an assumption. The RIVM scenarios are
// qualitative; their translation into numbers (docs/research.md) is an assumption throughout.

import { calibratedShare2024 } from './demand-calibration';

/** First year of scenario paths (the calibration year: observed counts end here). */
export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2050;
/** First year of a forecast: observed national deaths by age start in 2000. */
export const HISTORY_FIRST_YEAR = 2000;

export type Basis = 'sourced' | 'assumption';
export type PoolingLevel = 'hospice' | 'cluster' | 'region';
export const POOLING_LEVELS: readonly PoolingLevel[] = ['hospice', 'cluster', 'region'];

/** A value at a year, with its provenance. */
export interface PathPoint<T> {
  readonly year: number;
  readonly value: T;
  readonly basis: Basis;
  readonly source?: string;
  readonly note?: string;
}

/**
 * A parameter over time: points with increasing years in 2024–2050. Numbers are linear between
 * points and constant before the first and after the last; a pooling level is reached in its
 * point's year, the forecast ramping towards it over the years before (POOLING_RAMP_YEARS).
 */
export interface ParameterPath<T> {
  readonly points: readonly PathPoint<T>[];
}

export const NUMERIC_PARAMETERS = [
  'expectedShare',
  'hospiceShare',
  'aliveDischargeShare',
  'informalCareIndex',
  'informalCareK',
  'losMean',
  'losMedian',
  'targetRefusal',
  'occupancyNorm',
  'mortalityImprovement',
] as const;
export type NumericParameter = (typeof NUMERIC_PARAMETERS)[number];

export type ScenarioParameters = { readonly [key in NumericParameter]: ParameterPath<number> } & {
  readonly pooling: ParameterPath<PoolingLevel>;
};

/** Distribution of a multiplier (1 = the scenario's own value). */
export type MultiplierDistribution = (
  | {
      readonly distribution: 'triangular';
      readonly min: number;
      readonly mode: number;
      readonly max: number;
    }
  | { readonly distribution: 'normal'; readonly mean: number; readonly sd: number }
) & { readonly basis: Basis; readonly source?: string; readonly note?: string };

export const UNCERTAIN_PARAMETERS = [
  'hospiceShare',
  'expectedShare',
  'losMean',
  'deathLevel',
] as const;
export type UncertainParameter = (typeof UNCERTAIN_PARAMETERS)[number];

export interface Scenario {
  /** kebab-case identifier. */
  readonly id: string;
  readonly name: string;
  readonly version: 1;
  readonly description: string;
  readonly parameters: ScenarioParameters;
  /**
   * Monte Carlo multipliers. deathLevel applies fully in 2050 and fades linearly to none in 2024
   * (deaths today are known; the projection is not).
   */
  readonly uncertainty: { readonly [key in UncertainParameter]: MultiplierDistribution };
}

// Sources (see facts.md and docs/research.md for the URLs).
const SRC_EXPECTED =
  'IKNL/PZNL Kerncijfers via palliaweb: 63% of deaths expected in 2021 (106,407 of 170,051), 66% in 2022 (111,463 of 169,075)';
const SRC_HOSPICE =
  'Calibrated: 12,000 guests of the AHzN/VPTZ member hospices in 2024 (rd.nl 2025) on 855 member beds, scaled to the 1,200 hospice beds of the Netherlands (Omroep Brabant 2025), over 172,165 deaths (CBS) × 0.65 expected × 1.07 (docs/method.md §4)';
const NOTE_HOSPICE =
  'Definition: hospice guests who die there per expected death, before the informal-care modifier and before uncensoring. Assumes non-member hospices admit as many guests per bed as members. Years before 2024 follow the trend fitted to the guest counts of 2014, 2023 and 2024. The Sterfgevallenonderzoek 2015 gave 10%; registration-based place-of-death figures give ~4% because hospices are often coded as nursing homes.';
/** Hospice share of expected deaths in 2024 (demand-calibration.ts): about 0.141. */
const SHARE_2024 = calibratedShare2024({ expectedShare: 0.65, aliveDischargeShare: 0.07 });
const SRC_ALIVE =
  'Bardo hospice 2019: 7 discharged alive vs 88 deaths (hcnieuws.nl); docs/research.md (add 5–8%)';
const SRC_LOS = 'AHzN/VPTZ member hospices: mean stay 22 days (Trouw via nationalezorggids.nl)';
const NOTE_MEDIAN =
  'No Dutch median found; between the UK shape (median/mean 0.67) and US-like skew (docs/research.md)';
const SRC_NORM =
  'Umbrella bodies AHzN/VPTZ: "550 beds short at 80% occupancy" = admissions × LOS / (365 × 0.80) (Trouw via nationalezorggids.nl; docs/research.md)';
const NOTE_TARGET =
  'No Dutch norm for hospice refusals; 5% default, 10% "minimum acceptable", 1% "no refusal" (docs/research.md)';
const NOTE_MORTALITY =
  'The reference improvement: deaths follow the Lee–Carter projection of the CBS series (docs/method.md §3) when this is 1.5%; each point above or below it lowers or raises deaths by that much a year after 2024';
const RIVM =
  'RIVM, Palliatieve zorg in 2050 (report 2024-0160), translated into numbers in docs/research.md';

function flat<T>(value: T, basis: Basis, source?: string, note?: string): ParameterPath<T> {
  return {
    points: [
      point(FIRST_YEAR, value, basis, source, note),
      point(LAST_YEAR, value, 'assumption', undefined, 'held at the 2024 value'),
    ],
  };
}

export function point<T>(
  year: number,
  value: T,
  basis: Basis,
  source?: string,
  note?: string,
): PathPoint<T> {
  return {
    year,
    value,
    basis,
    ...(source === undefined ? {} : { source }),
    ...(note === undefined ? {} : { note }),
  };
}

/** The 2024 starting point shared by every scenario. */
function start2024(): ScenarioParameters {
  return {
    expectedShare: flat(0.65, 'sourced', SRC_EXPECTED, 'range 0.63–0.66'),
    hospiceShare: flat(SHARE_2024, 'sourced', SRC_HOSPICE, NOTE_HOSPICE),
    aliveDischargeShare: flat(0.07, 'sourced', SRC_ALIVE, 'discharged alive per guest who dies'),
    informalCareIndex: flat(1, 'assumption', undefined, 'index, 2024 = 1.0'),
    informalCareK: flat(
      0.5,
      'assumption',
      undefined,
      'hospice share × (1 + k·(1 − index)); k 0.5–1, form and k unsourced (docs/research.md)',
    ),
    losMean: flat(22, 'sourced', SRC_LOS, 'days'),
    losMedian: flat(13, 'assumption', undefined, `days. ${NOTE_MEDIAN}`),
    targetRefusal: flat(0.05, 'assumption', undefined, NOTE_TARGET),
    pooling: flat<PoolingLevel>(
      'cluster',
      'assumption',
      undefined,
      'houses within 10 km pool their intake, as networks with shared intake do (docs/method.md §5)',
    ),
    occupancyNorm: flat(0.8, 'sourced', SRC_NORM),
    mortalityImprovement: flat(0.015, 'assumption', undefined, `per year. ${NOTE_MORTALITY}`),
  };
}

function towards2050<T>(
  path: ParameterPath<T>,
  value: T,
  note: string,
  source: string = RIVM,
): ParameterPath<T> {
  return { points: [path.points[0]!, point(LAST_YEAR, value, 'assumption', source, note)] };
}

/** Default Monte Carlo multipliers (all scenarios). */
function defaultUncertainty(): Scenario['uncertainty'] {
  return {
    hospiceShare: {
      distribution: 'triangular',
      min: 0.8,
      mode: 1,
      max: 1.2,
      basis: 'sourced',
      source: 'docs/research.md: hospice share 0.10, range 0.08–0.12',
    },
    expectedShare: {
      distribution: 'triangular',
      min: 0.969,
      mode: 1,
      max: 1.016,
      basis: 'sourced',
      source: SRC_EXPECTED,
      note: '0.63–0.66 around 0.65',
    },
    losMean: {
      distribution: 'triangular',
      min: 0.85,
      mode: 1,
      max: 1.2,
      basis: 'assumption',
      note: 'about 19–26 days around 22; single houses report 19–35 days (docs/research.md)',
    },
    deathLevel: {
      distribution: 'normal',
      mean: 1,
      sd: 0.04,
      basis: 'assumption',
      note: 'deaths in 2050 ±4% (1 sd) around the projection; no sourced projection interval',
    },
  };
}

/** Baseline: today's behaviour, only demography changes. */
export const BASELINE: Scenario = {
  id: 'baseline',
  name: 'Basis: huidige zorg, alleen demografie verandert',
  version: 1,
  description:
    'Shares, length of stay and pooling (clusters by distance) stay at their 2024 values; demand follows population ageing and deaths.',
  parameters: start2024(),
  uncertainty: defaultUncertainty(),
};

const base = start2024();

/** RIVM scenario 1: the community central (caring communities, small volunteer houses). */
export const COMMUNITY_CENTRAL: Scenario = {
  id: 'community-central',
  name: 'De gemeenschap centraal (RIVM 2050)',
  version: 1,
  description:
    'Local caring communities and volunteers; small houses close to home; earlier, socially driven admissions.',
  parameters: {
    ...base,
    hospiceShare: towards2050(
      base.hospiceShare,
      SHARE_2024 * 1.15,
      'hospice share +15% on 2024 (RIVM mapping 11–12% on 10%), small volunteer houses',
    ),
    informalCareIndex: towards2050(base.informalCareIndex, 1, 'kept up by communities'),
    losMean: towards2050(base.losMean, 24, 'days; earlier, socially driven admissions'),
    losMedian: towards2050(base.losMedian, 14, 'days'),
    targetRefusal: towards2050(base.targetRefusal, 0.1, 'accept local variability'),
    pooling: {
      points: [
        base.pooling.points[0]!,
        point<PoolingLevel>(
          LAST_YEAR,
          'hospice',
          'assumption',
          RIVM,
          'local houses (4–8 beds) taking their own admissions; the change ramps over ten years',
        ),
      ],
    },
  },
  uncertainty: defaultUncertainty(),
};

/** RIVM scenario 2: the individual central (own choices, more variation). */
export const INDIVIDUAL_CENTRAL: Scenario = {
  id: 'individual-central',
  name: 'Het individu centraal (RIVM 2050)',
  version: 1,
  description:
    'People choose for themselves; planned admissions, more euthanasia shortens stays; partly privately paid.',
  parameters: {
    ...base,
    hospiceShare: towards2050(
      base.hospiceShare,
      SHARE_2024 * 0.9,
      '−10% on 2024; with informal-care index 0.8 and k 0.5 the effective share is −1% (RIVM mapping: 9–10% on 10%)',
    ),
    informalCareIndex: towards2050(base.informalCareIndex, 0.8, 'index'),
    losMean: towards2050(base.losMean, 20, 'days; planned admissions'),
    losMedian: towards2050(base.losMedian, 11, 'days'),
    pooling: {
      points: [
        base.pooling.points[0]!,
        point<PoolingLevel>(LAST_YEAR, 'cluster', 'assumption', RIVM, 'mixed: clusters of houses'),
      ],
    },
  },
  uncertainty: defaultUncertainty(),
};

/** RIVM scenario 3: the professional central (efficient, concentrated care, central intake). */
export const PROFESSIONAL_CENTRAL: Scenario = {
  id: 'professional-central',
  name: 'De professional centraal (RIVM 2050)',
  version: 1,
  description:
    'Professionals organise efficient, concentrated care; strict triage and discharge of stable guests; regional central intake.',
  parameters: {
    ...base,
    hospiceShare: towards2050(
      base.hospiceShare,
      SHARE_2024 * 1.25,
      '+25% on 2024; with informal-care index 0.75 and k 0.5 the effective share is +41% (RIVM mapping: 13–15% on 10%)',
    ),
    informalCareIndex: towards2050(
      base.informalCareIndex,
      0.75,
      'follows the decline in carers per person aged 75+',
    ),
    losMean: towards2050(base.losMean, 18, 'days; strict < 3-month triage'),
    losMedian: towards2050(base.losMedian, 11, 'days'),
    pooling: {
      points: [
        base.pooling.points[0]!,
        point<PoolingLevel>(
          2040,
          'region',
          'assumption',
          RIVM,
          'regional central intake, reached in 2040 after a ten-year ramp',
        ),
      ],
    },
  },
  uncertainty: defaultUncertainty(),
};

export const SCENARIOS: readonly Scenario[] = [
  BASELINE,
  COMMUNITY_CENTRAL,
  INDIVIDUAL_CENTRAL,
  PROFESSIONAL_CENTRAL,
];

/**
 * Value of a numeric parameter path in a year: linear between points, constant outside them.
 * Units: those of the parameter (shares, days, per year).
 */
export function valueAt({
  path,
  year,
}: {
  readonly path: ParameterPath<number>;
  readonly year: number;
}): number {
  const points = path.points;
  const first = points[0]!;
  if (year <= first.year) {
    return first.value;
  }
  for (let i = 1; i < points.length; i++) {
    const p = points[i]!;
    if (year <= p.year) {
      const q = points[i - 1]!;
      return q.value + ((p.value - q.value) * (year - q.year)) / (p.year - q.year);
    }
  }
  return points.at(-1)!.value;
}

/** Pooling level in a year: the value of the last point at or before the year (a step path). */
export function poolingAt({
  path,
  year,
}: {
  readonly path: ParameterPath<PoolingLevel>;
  readonly year: number;
}): PoolingLevel {
  let level = path.points[0]!.value;
  for (const p of path.points) {
    if (p.year <= year) {
      level = p.value;
    }
  }
  return level;
}
