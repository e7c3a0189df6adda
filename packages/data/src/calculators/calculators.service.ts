import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  MAX_CURVE_POINTS,
  defaultCurveRange,
  empiricalStay,
  erlangB,
  erlangCurve,
  loadFromAdmissions,
  lognormalMedianFromCv,
  normBeds,
  occupancy as erlangOccupancy,
  occupancyFromGuests,
  seasonalProfileFromWeekly,
  simulateHospice,
  sinusoidalSeasonality,
  type ErlangCurve,
  type Estimate,
  type LengthOfStayDistribution,
  type NormResult,
  type OccupancyResult,
  type SeasonalProfile,
} from '@palliamonitor/model';
import type { CodedMessage } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { seedPath } from '../seed-files';

// The calculators of the CLI and the API: one description of every parameter (name, type, range,
// default), one parser that checks raw values against it (strings from a command line or a query
// string, numbers and lists from a JSON body), and the rules between parameters. Both front ends
// call the same functions, so a bad value gets the same code and field from either.

export interface NumberParam {
  readonly kind: 'number' | 'integer';
  /** Dutch, for the OpenAPI document. */
  readonly description: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly required?: boolean;
  readonly default?: number;
}
export interface ChoiceParam {
  readonly kind: 'choice';
  readonly description: string;
  readonly values: readonly string[];
  readonly default: string;
}
/** A list of numbers > 0 (stays) or ≥ 0 (weights); comma separated in a query or on a command line. */
export interface ListParam {
  readonly kind: 'list';
  readonly description: string;
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maxItems: number;
}
export type ParamSpec = NumberParam | ChoiceParam | ListParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

type ValueOf<S extends ParamSpec> = S extends ChoiceParam
  ? string
  : S extends ListParam
    ? number[]
    : number;
export type Parsed<T extends ParamSpecs> = {
  [K in keyof T]: T[K] extends { required: true } | { default: unknown }
    ? ValueOf<T[K]>
    : ValueOf<T[K]> | undefined;
};

/** The rule a number must follow, in words: "a whole number ≥ 1", "a number > 0 and ≤ 1". */
function ruleOf(spec: NumberParam | ListParam): string {
  const parts: string[] = [];
  if (spec.exclusiveMinimum !== undefined) {
    parts.push(`> ${spec.exclusiveMinimum}`);
  } else if (spec.minimum !== undefined) {
    parts.push(`≥ ${spec.minimum}`);
  }
  if (spec.kind !== 'list' && spec.maximum !== undefined) {
    parts.push(`≤ ${spec.maximum}`);
  }
  const noun =
    spec.kind === 'integer' ? 'a whole number' : spec.kind === 'list' ? 'numbers' : 'a number';
  return [noun, parts.join(' and ')].filter(Boolean).join(' ');
}

/** One number against its spec; an issue with the schema code a client already translates. */
function checkNumber(
  field: string,
  raw: unknown,
  spec: NumberParam | ListParam,
): { value: number } | { issue: Issue } {
  const text = typeof raw === 'string' ? raw.trim() : undefined;
  const value =
    typeof raw === 'number' ? raw : text === undefined || text === '' ? NaN : Number(text);
  const got = typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw);
  const fail = (coded: CodedMessage) => ({
    issue: { field, message: `must be ${ruleOf(spec)}, got ${got}`, ...coded },
  });
  if (!Number.isFinite(value)) {
    return fail({
      code: 'schema.type',
      params: { type: spec.kind === 'integer' ? 'integer' : 'number' },
    });
  }
  if (spec.kind === 'integer' && !Number.isInteger(value)) {
    return fail({ code: 'schema.type', params: { type: 'integer' } });
  }
  if (spec.exclusiveMinimum !== undefined && !(value > spec.exclusiveMinimum)) {
    return fail({ code: 'schema.exclusiveMinimum', params: { limit: spec.exclusiveMinimum } });
  }
  if (spec.minimum !== undefined && value < spec.minimum) {
    return fail({ code: 'schema.minimum', params: { limit: spec.minimum } });
  }
  if (spec.kind !== 'list' && spec.maximum !== undefined && value > spec.maximum) {
    return fail({ code: 'schema.maximum', params: { limit: spec.maximum } });
  }
  return { value };
}

/**
 * Checks raw values against the specs: unknown names, missing required values, non-numbers, values
 * out of range, choices not on the list. Throws one VALIDATION_FAILED with every failing field;
 * `label` turns a parameter name into what the caller typed (`--open-days` on a command line).
 */
export function parseParams<T extends ParamSpecs>(
  specs: T,
  raw: Readonly<Record<string, unknown>>,
  label: (name: string) => string = (name) => name,
): Parsed<T> {
  const issues: Issue[] = [];
  const result: Record<string, unknown> = {};
  for (const name of Object.keys(raw)) {
    if (!Object.hasOwn(specs, name)) {
      issues.push({
        field: label(name),
        message: `unknown parameter ${label(name)}`,
        code: 'schema.additionalProperties',
        params: { name: label(name) },
      });
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    const value = raw[name];
    const field = label(name);
    if (value === undefined) {
      if (spec.kind !== 'list' && spec.default !== undefined) {
        result[name] = spec.default;
      } else if (spec.kind !== 'choice' && spec.kind !== 'list' && spec.required) {
        issues.push({ field, message: 'is required', code: 'schema.required' });
      }
      continue;
    }
    if (spec.kind === 'choice') {
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        const allowed = spec.values.join(', ');
        issues.push({
          field,
          message: `must be one of ${allowed}, got ${JSON.stringify(value)}`,
          code: 'schema.enum',
          params: { allowed },
        });
      } else {
        result[name] = value;
      }
      continue;
    }
    if (spec.kind === 'list') {
      const items = Array.isArray(value)
        ? (value as unknown[])
        : typeof value === 'string'
          ? value.split(',')
          : [value];
      if (items.length > spec.maxItems) {
        issues.push({
          field,
          message: `may hold at most ${spec.maxItems} values`,
          code: 'schema.maxItems',
          params: { limit: spec.maxItems },
        });
        continue;
      }
      const numbers: number[] = [];
      for (const item of items) {
        const checked = checkNumber(field, item, spec);
        if ('issue' in checked) {
          issues.push(checked.issue);
          break;
        }
        numbers.push(checked.value);
      }
      if (numbers.length === items.length) {
        result[name] = numbers;
      }
      continue;
    }
    const checked = checkNumber(field, value, spec);
    if ('issue' in checked) {
      issues.push(checked.issue);
    } else {
      result[name] = checked.value;
    }
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'the calculator input is invalid', issues);
  }
  return result as Parsed<T>;
}

function invalidInput(issues: Issue[]): AppError {
  return new AppError('VALIDATION_FAILED', 'the calculator input is invalid', issues);
}

/** The rule "give this field with that choice" or "not with it", as an issue. */
function presence(
  field: string,
  given: boolean,
  wanted: boolean,
  condition: string,
  label: (name: string) => string,
): Issue[] {
  if (given === wanted) {
    return [];
  }
  return wanted
    ? [
        {
          field: label(field),
          message: `is required with ${condition}`,
          code: 'calculator.requiredWith',
          params: { condition },
        },
      ]
    : [
        {
          field: label(field),
          message: `does not go with ${condition}`,
          code: 'calculator.notWith',
          params: { condition },
        },
      ];
}

/** Exactly one of two ways to give the demand: an offered load, or admission requests per year. */
function oneOf(
  a: string,
  b: string,
  hasA: boolean,
  hasB: boolean,
  label: (n: string) => string,
): Issue[] {
  if (hasA !== hasB) {
    return [];
  }
  const fields = `${label(a)}, ${label(b)}`;
  return [
    {
      field: label(a),
      message: hasA
        ? `cannot be given together with ${label(b)}`
        : `is required, or ${label(b)} instead`,
      code: hasA ? 'calculator.notBoth' : 'calculator.oneOf',
      params: { fields },
    },
  ];
}

// --- norm -------------------------------------------------------------------------------------

export const NORM_PARAMS = {
  admissions: {
    kind: 'number',
    minimum: 0,
    required: true,
    description: 'Opnames per jaar',
  },
  los: {
    kind: 'number',
    exclusiveMinimum: 0,
    required: true,
    description: 'Gemiddelde verblijfsduur in dagen',
  },
  occupancy: {
    kind: 'number',
    exclusiveMinimum: 0,
    maximum: 1,
    required: true,
    description: 'Bezettingsnorm, bijv. 0.8',
  },
} as const satisfies ParamSpecs;

/** Beds by the occupancy norm: admissions × LOS ÷ (365 × occupancy), rounded up and unrounded. */
export function runNorm(raw: Readonly<Record<string, unknown>>, label?: (n: string) => string) {
  const p = parseParams(NORM_PARAMS, raw, label);
  return normBeds({
    admissions: p.admissions,
    meanStayDays: p.los,
    occupancy: p.occupancy,
  }) satisfies NormResult;
}

// --- occupancy --------------------------------------------------------------------------------

export const OCCUPANCY_PARAMS = {
  guests: { kind: 'number', minimum: 0, required: true, description: 'Gasten in de periode' },
  los: {
    kind: 'number',
    exclusiveMinimum: 0,
    required: true,
    description: 'Gemiddelde verblijfsduur in dagen',
  },
  beds: { kind: 'integer', minimum: 1, required: true, description: 'Bedden' },
  openDays: {
    kind: 'integer',
    minimum: 1,
    maximum: 366,
    default: 365,
    description: 'Dagen dat de bedden open waren (standaard 365)',
  },
} as const satisfies ParamSpecs;

/** Occupancy from guests × stay ÷ (beds × open days); more bed-days than there were is an error. */
export function runOccupancy(
  raw: Readonly<Record<string, unknown>>,
  label: (n: string) => string = (n) => n,
): OccupancyResult {
  const p = parseParams(OCCUPANCY_PARAMS, raw, label);
  const result = occupancyFromGuests({
    guests: p.guests,
    meanStayDays: p.los,
    beds: p.beds,
    openDays: p.openDays,
  });
  if (result.occupancy > 1) {
    const used = Math.round(result.bedDaysUsed * 100) / 100;
    throw invalidInput([
      {
        field: label('guests'),
        message: `× ${label('los')} is ${used} bed-days, more than the ${result.bedDaysAvailable} there were (${label('beds')} × ${label('openDays')})`,
        code: 'calculator.occupancyAboveOne',
        params: { used, available: result.bedDaysAvailable },
      },
    ]);
  }
  return result;
}

// --- Erlang curve -----------------------------------------------------------------------------

const LOAD = {
  kind: 'number',
  minimum: 0,
  maximum: 100_000,
  description:
    'Aangeboden belasting in erlang (bedden die bezet zouden zijn als niemand werd geweigerd)',
} as const;
const REQUESTS = {
  kind: 'number',
  minimum: 0,
  maximum: 10_000_000,
  description: 'Opnameverzoeken per jaar (in plaats van load)',
} as const;

export const CURVE_PARAMS = {
  load: LOAD,
  admissions: REQUESTS,
  los: {
    kind: 'number',
    exclusiveMinimum: 0,
    maximum: 3650,
    description: 'Gemiddelde verblijfsduur in dagen (bij admissions)',
  },
  beds: {
    kind: 'integer',
    minimum: 0,
    maximum: 100_000,
    description: 'Huidige bedden (gemarkeerd op de curve)',
  },
  target: {
    kind: 'number',
    exclusiveMinimum: 0,
    maximum: 0.999,
    description: 'Doel-weigeringskans; de minste bedden die hem halen worden gemarkeerd',
  },
  fromBeds: { kind: 'integer', minimum: 0, maximum: 100_000, description: 'Eerste punt (bedden)' },
  toBeds: { kind: 'integer', minimum: 0, maximum: 100_000, description: 'Laatste punt (bedden)' },
} as const satisfies ParamSpecs;

/** The offered load from `load`, or from `admissions` × `los` ÷ 365; one of the two, not both. */
function demandOf(
  p: { load?: number | undefined; admissions?: number | undefined; los?: number | undefined },
  label: (n: string) => string,
  losIsStay: boolean,
): Issue[] {
  const issues = oneOf(
    'load',
    'admissions',
    p.load !== undefined,
    p.admissions !== undefined,
    label,
  );
  if (!losIsStay && issues.length === 0) {
    issues.push(
      ...presence(
        'los',
        p.los !== undefined,
        p.admissions !== undefined,
        label('admissions'),
        label,
      ),
    );
  }
  return issues;
}

/** Admissions × stay ÷ 365 above the largest load a calculator takes (what `load` may be). */
function loadTooLarge(offeredLoad: number, label: (n: string) => string): Issue {
  const load = Math.round(offeredLoad);
  return {
    field: label('admissions'),
    message: `× ${label('los')} ÷ 365 is ${load} erlangs, more than ${LOAD.maximum}`,
    code: 'calculator.loadTooLarge',
    params: { load, limit: LOAD.maximum },
  };
}

export function runErlangCurve(
  raw: Readonly<Record<string, unknown>>,
  label: (n: string) => string = (n) => n,
): ErlangCurve {
  const p = parseParams(CURVE_PARAMS, raw, label);
  const issues = demandOf(p, label, false);
  if (issues.length > 0) {
    throw invalidInput(issues);
  }
  const offeredLoad = p.load ?? loadFromAdmissions(p.admissions!, p.los!);
  if (offeredLoad > LOAD.maximum) {
    throw invalidInput([loadTooLarge(offeredLoad, label)]);
  }
  const range = defaultCurveRange(offeredLoad);
  const fromBeds = p.fromBeds ?? Math.min(range.fromBeds, p.beds ?? Infinity, p.toBeds ?? Infinity);
  const toBeds = p.toBeds ?? Math.max(range.toBeds, fromBeds, p.beds ?? 0);
  if (toBeds < fromBeds) {
    throw invalidInput([
      {
        field: label('toBeds'),
        message: `must not be below ${label('fromBeds')} (${fromBeds})`,
        code: 'calculator.toBelowFrom',
        params: { from: fromBeds },
      },
    ]);
  }
  if (toBeds - fromBeds >= MAX_CURVE_POINTS) {
    throw invalidInput([
      {
        field: label('toBeds'),
        message: `gives more than ${MAX_CURVE_POINTS} points from ${label('fromBeds')} ${fromBeds}`,
        code: 'calculator.curveTooLong',
        params: { limit: MAX_CURVE_POINTS, from: fromBeds },
      },
    ]);
  }
  return erlangCurve({
    offeredLoad,
    fromBeds,
    toBeds,
    ...(p.beds === undefined ? {} : { currentBeds: p.beds }),
    ...(p.target === undefined ? {} : { target: p.target }),
  });
}

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

/**
 * A what-if simulation: a loss system (a request finding every bed full is refused) with the stay
 * and season asked for, seeded and bounded in work (see {@link SIMULATION_LIMITS}).
 */
export function runSimulation(
  raw: Readonly<Record<string, unknown>>,
  label: (n: string) => string = (n) => n,
): SimulationAnswer {
  const p = parseParams(SIMULATION_PARAMS, raw, label);
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
