import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  empiricalStay,
  erlangB,
  loadFromAdmissions,
  lognormalMedianFromCv,
  occupancy as erlangOccupancy,
  seasonalProfileFromWeekly,
  simulateHospice,
  sinusoidalSeasonality,
  type Estimate,
  type LengthOfStayDistribution,
  type SeasonalProfile,
} from '@palliamonitor/model';
import { seedPath } from '../seed-files';
import {
  LOAD,
  REQUESTS,
  demandOf,
  invalidInput,
  parseParams,
  presence,
  type ParamSpecs,
  type Parsed,
} from './params';
import type { Issue } from '../errors';

// --- simulation -------------------------------------------------------------------------------

/**
 * Bounds on the work of one simulation: simulated days (warm-up and measured, all replications) ×
 * beds, and the requests that arrive in them. About a second on one core at the bound.
 */
export const SIMULATION_LIMITS = { bedDays: 50_000_000, arrivals: 4_000_000 } as const;

/** ISO years of the COVID-19 waves, left out of the seasonal profile: their peaks are not seasonal. */
export const COVID_YEARS = [2020, 2021, 2022] as const;

export const SIMULATION_PARAMS = {
  beds: { kind: 'integer', minimum: 1, maximum: 100_000, required: true, description: 'Bedden' },
  load: LOAD,
  admissions: REQUESTS,
  stay: {
    kind: 'choice',
    values: ['exponential', 'lognormal', 'empirical'],
    default: 'exponential',
    description:
      'Verdeling van de verblijfsduur: exponential (los), lognormal (los en cv) of empirical (stays)',
  },
  los: {
    kind: 'number',
    exclusiveMinimum: 0,
    maximum: 3650,
    description: 'Gemiddelde verblijfsduur in dagen (exponential, lognormal)',
  },
  cv: {
    kind: 'number',
    exclusiveMinimum: 0,
    maximum: 10,
    description: 'Variatiecoëfficiënt (sd ÷ gemiddelde) van de lognormale verblijfsduur',
  },
  stays: {
    kind: 'list',
    exclusiveMinimum: 0,
    maxItems: 10_000,
    description: 'Waargenomen verblijfsduren in dagen (empirical)',
  },
  weights: {
    kind: 'list',
    minimum: 0,
    maxItems: 10_000,
    description: 'Gewicht van elke verblijfsduur in stays (standaard gelijk)',
  },
  seasonality: {
    kind: 'choice',
    values: ['none', 'sine', 'deaths'],
    default: 'none',
    description:
      'Seizoen in de aanvragen: none, sine (amplitude, peakWeek) of deaths (het maandprofiel van de wekelijkse sterfte, CBS 2014–2024 zonder 2020–2022)',
  },
  amplitude: {
    kind: 'number',
    minimum: 0,
    maximum: 0.95,
    description: 'Amplitude van het seizoen (aandeel van het gemiddelde); standaard uit de sterfte',
  },
  peakWeek: {
    kind: 'integer',
    minimum: 1,
    maximum: 53,
    description: 'ISO-week van de piek; standaard uit de sterfte',
  },
  days: {
    kind: 'integer',
    minimum: 1,
    maximum: 36_500,
    default: 1825,
    description: 'Gemeten dagen per replicatie (standaard 5 jaar)',
  },
  warmupDays: {
    kind: 'integer',
    minimum: 0,
    maximum: 36_500,
    description: 'Inloop voordat er gemeten wordt (standaard max(365, 20 × verblijfsduur))',
  },
  replications: {
    kind: 'integer',
    minimum: 2,
    maximum: 100,
    default: 10,
    description: 'Onafhankelijke replicaties (voor het 95%-betrouwbaarheidsinterval)',
  },
  seed: {
    kind: 'integer',
    minimum: 0,
    maximum: 2 ** 31 - 1,
    default: 1,
    description: 'Startwaarde van de toevalsgenerator',
  },
} as const satisfies ParamSpecs;

let deathsProfile: SeasonalProfile | undefined;

/** The seasonal profile of national deaths per ISO week, CBS 70895ned 2014–2025 (COVID years out). */
export function deathsSeasonalProfile(): SeasonalProfile {
  if (deathsProfile === undefined) {
    const rows = parse(
      readFileSync(seedPath('reference/demography/deaths_nl_weekly_2014_2025.csv'), 'utf8'),
      { columns: true, delimiter: ';', bom: true, skip_empty_lines: true, trim: true },
    ) as Array<{ jaar: string; week: string; overleden: string }>;
    deathsProfile = seasonalProfileFromWeekly(
      rows.map((r) => ({ year: Number(r.jaar), week: Number(r.week), count: Number(r.overleden) })),
      { excludeYears: COVID_YEARS },
    );
  }
  return deathsProfile;
}

export interface SimulationAnswer {
  readonly inputs: {
    readonly beds: number;
    readonly offeredLoad: number;
    readonly arrivalsPerDay: number;
    readonly stay: {
      readonly distribution: string;
      readonly meanDays: number;
      readonly medianDays?: number;
      readonly cv?: number;
      readonly values?: number;
    };
    readonly seasonality: {
      readonly kind: string;
      readonly monthly: number[] | null;
      readonly amplitude?: number;
      readonly peakWeek?: number;
      readonly source?: string;
    };
    readonly days: number;
    readonly warmupDays: number;
    readonly replications: number;
    readonly seed: number;
  };
  readonly blocking: Estimate;
  readonly timeCongestion: Estimate;
  readonly occupancy: Estimate;
  readonly arrivals: number;
  readonly events: number;
  /** Erlang B at the same mean load, the reference the simulation departs from. */
  readonly erlangB: { readonly blocking: number; readonly occupancy: number };
}

const DEATHS_SOURCE =
  'CBS 70895ned, deaths per week 2014–2025 (2020–2022 left out); packages/data/seed/reference/demography/deaths_nl_weekly_2014_2025.csv';

/** The rules between the simulation's parameters: which stay and season fields go together. */
function simulationIssues(
  p: Parsed<typeof SIMULATION_PARAMS>,
  label: (n: string) => string,
): Issue[] {
  const issues = demandOf(p, label, true);
  const stay = p.stay;
  const condition = `${label('stay')}=${stay}`;
  issues.push(
    ...presence('los', p.los !== undefined, stay !== 'empirical', condition, label),
    ...presence('cv', p.cv !== undefined, stay === 'lognormal', condition, label),
    ...presence('stays', p.stays !== undefined, stay === 'empirical', condition, label),
  );
  if (p.weights !== undefined) {
    if (stay !== 'empirical') {
      issues.push(...presence('weights', true, false, condition, label));
    } else if (p.stays !== undefined && p.weights.length !== p.stays.length) {
      issues.push({
        field: label('weights'),
        message: `needs one weight per stay (${p.stays.length}), got ${p.weights.length}`,
        code: 'calculator.weightsLength',
        params: { expected: p.stays.length, got: p.weights.length },
      });
    } else if (!p.weights.some((w) => w > 0)) {
      issues.push({
        field: label('weights'),
        message: 'must have at least one weight above 0',
        code: 'calculator.weightsAllZero',
      });
    }
  }
  const seasonCondition = `${label('seasonality')}=${p.seasonality}`;
  if (p.seasonality !== 'sine') {
    issues.push(
      ...presence('amplitude', p.amplitude !== undefined, false, seasonCondition, label),
      ...presence('peakWeek', p.peakWeek !== undefined, false, seasonCondition, label),
    );
  }
  return issues;
}

/** Refuses a simulation beyond {@link SIMULATION_LIMITS}, naming the work it would take. */
function checkWork(
  p: Parsed<typeof SIMULATION_PARAMS>,
  warmupDays: number,
  arrivalsPerDay: number,
  monthly: readonly number[] | null,
  label: (n: string) => string,
): void {
  const simulatedDays = (warmupDays + p.days) * p.replications;
  const peak = monthly === null ? 1 : Math.max(...monthly);
  const work = [
    { what: 'bedDays', limit: SIMULATION_LIMITS.bedDays, requested: simulatedDays * p.beds },
    {
      what: 'arrivals',
      limit: SIMULATION_LIMITS.arrivals,
      requested: simulatedDays * arrivalsPerDay * peak,
    },
  ].find((w) => w.requested > w.limit);
  if (work) {
    const requested = Math.round(work.requested);
    throw invalidInput([
      {
        field: label('days'),
        message: `makes the simulation too large: ${requested} simulated ${work.what === 'bedDays' ? 'bed-days' : 'requests'} ((warm-up + days) × replications × ${work.what === 'bedDays' ? 'beds' : 'requests per day'}), at most ${work.limit}; ask for fewer days, replications or beds`,
        code: work.what === 'bedDays' ? 'calculator.tooManyBedDays' : 'calculator.tooManyRequests',
        params: { limit: work.limit, requested },
      },
    ]);
  }
}

/**
 * A what-if simulation: a loss system (a request finding every bed full is refused) with the stay
 * and season asked for, seeded and bounded in work (see {@link SIMULATION_LIMITS}).
 */
export function runSimulation(
  raw: Readonly<Record<string, unknown>>,
  label: (n: string) => string = (n) => n,
): SimulationAnswer {
  const p = parseParams(SIMULATION_PARAMS, raw, label);
  const issues = simulationIssues(p, label);
  const stay = p.stay;
  if (issues.length > 0) {
    throw invalidInput(issues);
  }

  const los: LengthOfStayDistribution =
    stay === 'empirical'
      ? empiricalStay(p.stays!, p.weights)
      : stay === 'lognormal'
        ? { mean: p.los!, median: lognormalMedianFromCv(p.los!, p.cv!) }
        : { distribution: 'exponential', mean: p.los! };
  const offeredLoad = p.load ?? loadFromAdmissions(p.admissions!, los.mean);
  const arrivalsPerDay = offeredLoad / los.mean;
  const profile = p.seasonality === 'none' ? null : deathsSeasonalProfile();
  const amplitude = p.amplitude ?? profile?.amplitude;
  const peakWeek = p.peakWeek ?? profile?.peakWeek;
  const monthly =
    p.seasonality === 'deaths'
      ? profile!.monthly
      : p.seasonality === 'sine'
        ? sinusoidalSeasonality(amplitude!, peakWeek!)
        : null;
  const warmupDays = p.warmupDays ?? Math.ceil(Math.max(365, 20 * los.mean));
  checkWork(p, warmupDays, arrivalsPerDay, monthly, label);

  const result = simulateHospice({
    beds: p.beds,
    arrivalsPerDay,
    los,
    ...(monthly === null ? {} : { seasonality: monthly }),
    days: p.days,
    warmupDays,
    replications: p.replications,
    seed: p.seed,
  });
  const seasonality =
    monthly === null
      ? { kind: 'none', monthly: null }
      : p.seasonality === 'deaths'
        ? { kind: 'deaths', monthly, source: DEATHS_SOURCE }
        : {
            kind: 'sine',
            monthly,
            amplitude: amplitude!,
            peakWeek: peakWeek!,
            source:
              p.amplitude !== undefined && p.peakWeek !== undefined
                ? 'given'
                : `first harmonic of ${DEATHS_SOURCE}`,
          };
  return {
    inputs: {
      beds: p.beds,
      offeredLoad,
      arrivalsPerDay,
      stay: {
        distribution: stay,
        meanDays: los.mean,
        ...(los.distribution === undefined ? { medianDays: los.median, cv: p.cv! } : {}),
        ...(los.distribution === 'empirical' ? { values: los.values.length } : {}),
      },
      seasonality,
      days: p.days,
      warmupDays,
      replications: p.replications,
      seed: p.seed,
    },
    blocking: result.blocking,
    timeCongestion: result.timeCongestion,
    occupancy: result.occupancy,
    arrivals: result.arrivals,
    events: result.events,
    erlangB: {
      blocking: erlangB({ offeredLoad, beds: p.beds }),
      occupancy: erlangOccupancy({ offeredLoad, beds: p.beds }),
    },
  };
}
