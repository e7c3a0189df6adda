import {
  MAX_CURVE_POINTS,
  defaultCurveRange,
  erlangCurve,
  loadFromAdmissions,
  normBeds,
  occupancyFromGuests,
  type ErlangCurve,
  type NormResult,
  type OccupancyResult,
} from '@palliamonitor/model';
import {
  LOAD,
  REQUESTS,
  demandOf,
  invalidInput,
  loadTooLarge,
  parseParams,
  specName,
  type ParamLabel,
  type ParamSpecs,
  type RawParams,
} from './params';

// The norm, occupancy and Erlang-curve calculators; their parameters are described and checked
// by params.ts, the simulation is in simulation.service.ts.

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
export function runNorm(raw: RawParams, label?: ParamLabel) {
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
export function runOccupancy(raw: RawParams, label = specName): OccupancyResult {
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

export function runErlangCurve(raw: RawParams, label = specName): ErlangCurve {
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
