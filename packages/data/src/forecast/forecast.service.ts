import {
  capacity,
  FORECAST_KEYS,
  forecast,
  forecastNation,
  nationalCapacity,
  type CapacityDetail,
  type ForecastOptions,
  type ForecastRow,
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
    return forecastAllRegions(inputs, scenario, options).nation;
  }
  return forecast(regionOrThrow(inputs, code), scenario, options);
}

export interface AllRegionsForecast {
  /** The sum over the regions (NL). */
  readonly nation: ForecastRow<ForecastValue>[];
  /** Each region's own rows, in the order of the inputs. */
  readonly regions: ReadonlyArray<{
    readonly code: string;
    readonly rows: ForecastRow<ForecastValue>[];
  }>;
}

/**
 * The nation and every region in one run: the national forecast computes each region's rows on
 * the way, so an answer for all regions costs one run, not one per region. The rows are the ones
 * runForecast gives for NL and for each region code.
 */
export function forecastAllRegions(
  inputs: readonly RegionInput[],
  scenario: Scenario,
  options: ForecastOptions,
): AllRegionsForecast {
  const { nation, regions } = forecastNation(inputs, scenario, options);
  return {
    nation,
    regions: regions.map((r) => ({ code: r.code, rows: r.rows as ForecastRow<ForecastValue>[] })),
  };
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
  return nationalCapacity(inputs.map((input) => capacity(input, scenario, options)));
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
