import {
  capacity,
  FORECAST_KEYS,
  forecast,
  forecastNation,
  POOLING_LEVELS,
  type CapacityDetail,
  type ForecastOptions,
  type ForecastRow,
  type PoolingDetail,
  type PoolingLevel,
  type RegionInput,
  type Scenario,
} from '@palliamonitor/model';
import { DEFAULT_MULTIPLE_REGISTRATION_SHARE, type Band } from '@palliamonitor/model';
import { AppError } from '../errors';
import { writeCsv } from '../csv-cells';
import {
  type AnsweredRow,
  type ForecastInput,
  type RegistryFacts,
  forecastInputs,
  markObserved,
} from './forecast-provenance';

// Runs the model for one zorgkantoorregio or for the nation (NL = the sum over all regions, each
// pooled at the chosen level). Shared by the API and the CLI so both give the same numbers.

export type ForecastValue = number | Band;

function regionOrThrow(inputs: readonly RegionInput[], code: string): RegionInput {
  const input = inputs.find((r) => r.code === code);
  if (!input) {
    throw new AppError('NOT_FOUND', `unknown region ${code}; use a zorgkantoorregio ZKxx or NL`, [
      { field: 'region', message: `unknown region ${code}` },
    ]);
  }
  return input;
}

export function runForecast(
  inputs: readonly RegionInput[],
  code: string,
  scenario: Scenario,
  options: ForecastOptions,
): ForecastRow<ForecastValue>[] {
  if (code === 'NL') {
    return forecastNation(inputs, scenario, options).nation;
  }
  return forecast(regionOrThrow(inputs, code), scenario, options);
}

export interface ForecastAnswer {
  readonly rows: AnsweredRow<ForecastValue>[];
  readonly inputs: ForecastInput[];
  /** Facilities and beds of the registry behind the answer, and how many are synthetic. */
  readonly registry: RegistryFacts & { readonly restsOnSyntheticFacilities: boolean };
}

/** A forecast with its observed years marked, its inputs listed and its registry described. */
export function answerForecast(
  inputs: readonly RegionInput[],
  code: string,
  scenario: Scenario,
  options: ForecastOptions,
  context: { readonly facts: RegistryFacts; readonly asOf: string },
): ForecastAnswer {
  const rows = runForecast(inputs, code, scenario, options);
  return {
    rows: markObserved(rows, code),
    inputs: forecastInputs(
      inputs,
      code,
      scenario,
      {
        from: options.from,
        multipleRegistrationShare:
          options.multipleRegistrationShare ?? DEFAULT_MULTIPLE_REGISTRATION_SHARE,
        asOf: context.asOf,
      },
      context.facts,
    ),
    registry: { ...context.facts, restsOnSyntheticFacilities: context.facts.syntheticBeds > 0 },
  };
}

/** Capacity detail for a region, or the national sum of the regional details. */
export function runCapacity(
  inputs: readonly RegionInput[],
  code: string,
  scenario: Scenario,
  options: { year: number; target?: number; pooling?: PoolingLevel },
): CapacityDetail {
  if (code !== 'NL') {
    return capacity(regionOrThrow(inputs, code), scenario, options);
  }
  const details = inputs.map((input) => capacity(input, scenario, options));
  const first = details[0]!;
  const sum = (f: (d: CapacityDetail) => number) => details.reduce((s, d) => s + f(d), 0);
  const hospiceRequests = sum((d) => d.hospiceRequests);
  const offeredLoad = sum((d) => d.offeredLoad);
  const byPooling = Object.fromEntries(
    POOLING_LEVELS.map((level): [PoolingLevel, PoolingDetail] => {
      const parts = details.map((d) => d.byPooling[level]);
      const total = (f: (p: PoolingDetail) => number) => parts.reduce((s, p) => s + f(p), 0);
      const bedsNeeded = total((p) => p.bedsNeeded);
      const currentBeds = total((p) => p.currentBeds);
      const refusals = total((p) => p.refusalsPerYearCurrentBeds);
      // Load-weighted shares and bed-weighted occupancies reproduce the national ratios.
      const loadShare = (f: (p: PoolingDetail) => number) =>
        offeredLoad > 0
          ? parts.reduce((s, p, i) => s + f(p) * details[i]!.offeredLoad, 0) / offeredLoad
          : 0;
      return [
        level,
        {
          level,
          bedsNeeded,
          occupancyAtNeeded:
            bedsNeeded > 0 ? total((p) => p.occupancyAtNeeded * p.bedsNeeded) / bedsNeeded : 0,
          refusalShareAtNormBeds: loadShare((p) => p.refusalShareAtNormBeds),
          currentBeds,
          refusalShareCurrentBeds: hospiceRequests > 0 ? refusals / hospiceRequests : 0,
          occupancyCurrentBeds:
            currentBeds > 0
              ? total((p) => p.occupancyCurrentBeds * p.currentBeds) / currentBeds
              : 0,
          refusalsPerYearCurrentBeds: refusals,
          gap: total((p) => p.gap),
          pools: [],
        },
      ];
    }),
  ) as CapacityDetail['byPooling'];
  return {
    ...first,
    code: 'NL',
    deaths: sum((d) => d.deaths),
    expectedDeaths: sum((d) => d.expectedDeaths),
    hospiceRequests,
    requestsPerDay: sum((d) => d.requestsPerDay),
    offeredLoad,
    bedsNeededNorm: sum((d) => d.bedsNeededNorm),
    currentBeds: sum((d) => d.currentBeds),
    byPooling,
  };
}

// The contract's keys first (year, deaths … gap), then the model's extra figures, as in JSON.
const KEYS = ['year', ...FORECAST_KEYS] as const;

/** Forecast rows as CSV; a band becomes three columns `<key>_p10`, `_p50`, `_p90`. */
export function forecastToCsv(rows: ForecastRow<ForecastValue>[]): string {
  const first = rows[0];
  const columns = KEYS.flatMap((key) =>
    first !== undefined && typeof first[key] === 'object'
      ? [`${key}_p10`, `${key}_p50`, `${key}_p90`]
      : [key],
  );
  const records = rows.map((row) =>
    KEYS.flatMap((key) => {
      const value = row[key];
      return typeof value === 'object' ? [value.p10, value.p50, value.p90] : [value];
    }),
  );
  // Numbers only, but through the one CSV writer all the product's files share.
  return writeCsv(records, { header: true, columns });
}
