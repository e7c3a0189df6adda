import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from './common';

// The forecast, capacity and model-input answers: the model's numbers per year, with where each
// input comes from.

/**
 * Years the model answers for: observed history from `historyFirst`, forecasts from `first` to
 * `last`. The model's own constants (FIRST_YEAR, HISTORY_FIRST_YEAR, LAST_YEAR) are the source; a
 * server test keeps these equal to them, since contracts do not import the model.
 */
export const FORECAST_YEARS = { historyFirst: 2000, first: 2024, last: 2050 } as const;

export const ForecastYear = Type.Integer({
  minimum: FORECAST_YEARS.historyFirst,
  maximum: FORECAST_YEARS.last,
});
/** A year of the forecast proper (no history): for cost, which has no observed years. */
export const ProjectionYear = Type.Integer({
  minimum: FORECAST_YEARS.first,
  maximum: FORECAST_YEARS.last,
});
export const RefusalTarget = Type.Number({
  exclusiveMinimum: 0,
  exclusiveMaximum: 1,
  description: 'Doel-weigeringskans (Erlang B), bijv. 0.05',
});
export const POOLING_LEVELS = ['hospice', 'cluster', 'region'] as const;
export const PoolingSchema = Type.Union(
  POOLING_LEVELS.map((level) => Type.Literal(level)),
  { description: 'Poolingniveau: elk hospice apart, clusters, of de hele regio als één pool' },
);
export const ScenarioQuery = Type.Optional(Type.String({ default: 'baseline' }));

/** A forecast value: a number, or a band {p10, p50, p90} with uncertainty=true. */
export const ForecastValue = Type.Union([
  Type.Number(),
  Type.Object({ p10: Type.Number(), p50: Type.Number(), p90: Type.Number() }),
]);
export type ForecastValue = Static<typeof ForecastValue>;

export const ForecastRow = Type.Object({
  year: Type.Integer(),
  deaths: ForecastValue,
  expectedDeaths: ForecastValue,
  hospiceRequests: ForecastValue,
  offeredLoad: ForecastValue,
  bedsNeededErlang: ForecastValue,
  bedsNeededNorm: ForecastValue,
  currentBeds: ForecastValue,
  gap: ForecastValue,
  refusalShareCurrentBeds: Type.Optional(ForecastValue),
  refusalsPerYearCurrentBeds: Type.Optional(ForecastValue),
  occupancyCurrentBeds: Type.Optional(ForecastValue),
  occupancyAtNeeded: Type.Optional(ForecastValue),
  meanLengthOfStay: Type.Optional(ForecastValue),
  observed: Type.Boolean({ description: 'Waargenomen jaar: sterfte volgens CBS' }),
  observedDeaths: Type.Optional(Type.Number({ description: 'Waargenomen sterfte (CBS)' })),
});
export type ForecastRow = Static<typeof ForecastRow>;

/** One input of an answer, measured, imported or assumed, with its source. */
export const ForecastInput = Type.Object({
  name: Type.String(),
  value: Type.Union([Type.Number(), Type.String()]),
  provenance: Type.Union([
    Type.Literal('measured'),
    Type.Literal('imported'),
    Type.Literal('assumed'),
  ]),
  source: Type.String(),
});
export type ForecastInput = Static<typeof ForecastInput>;

export const RegistryFacts = Type.Object({
  facilities: Type.Integer({ description: 'Open voorzieningen in het register op de peildatum' }),
  beds: Type.Integer({ description: 'Vergunde bedden van die voorzieningen' }),
  syntheticFacilities: Type.Integer({ description: 'Waarvan synthetische demovoorzieningen' }),
  syntheticBeds: Type.Integer({ description: 'Vergunde bedden van de synthetische voorzieningen' }),
  restsOnSyntheticFacilities: Type.Boolean({
    description: 'De uitkomst rust (deels) op synthetische voorzieningen',
  }),
});
export type RegistryFacts = Static<typeof RegistryFacts>;

export const ForecastQuery = Type.Object(
  {
    scenario: ScenarioQuery,
    from: Type.Optional(ForecastYear),
    to: Type.Optional(ForecastYear),
    target: Type.Optional(RefusalTarget),
    pooling: Type.Optional(PoolingSchema),
    uncertainty: Type.Optional(Type.Boolean()),
    draws: Type.Optional(Type.Integer({ minimum: 2, maximum: 10_000, default: 1000 })),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 })),
    format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
    multipleRegistrationShare: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 1,
        description: 'Aandeel geweigerden dat bij meerdere hospices staat ingeschreven',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ScenarioRef = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
});

export const Forecast = Type.Object({
  region: Type.String(),
  scenario: ScenarioRef,
  uncertainty: Type.Union([
    Type.Object({ draws: Type.Integer(), seed: Type.Integer() }),
    Type.Null(),
  ]),
  rows: Type.Array(ForecastRow),
  inputs: Type.Array(ForecastInput),
  registry: RegistryFacts,
});
export type Forecast = Static<typeof Forecast>;

export const CapacityQuery = Type.Object(
  {
    year: Type.Optional(ForecastYear),
    target: Type.Optional(RefusalTarget),
    pooling: Type.Optional(PoolingSchema),
    scenario: ScenarioQuery,
  },
  { additionalProperties: false },
);

const PoolDetail = Type.Object({
  hospices: Type.Array(Type.Integer(), { description: 'Hospices (volgnummers) in deze pool' }),
  offeredLoad: Type.Number(),
  currentBeds: Type.Number(),
  bedsNeeded: Type.Number(),
  refusalShareCurrentBeds: Type.Number(),
  occupancyCurrentBeds: Type.Number(),
});

export const PoolingDetail = Type.Object({
  level: PoolingSchema,
  bedsNeeded: Type.Number(),
  occupancyAtNeeded: Type.Number(),
  refusalShareAtNormBeds: Type.Number(),
  currentBeds: Type.Number(),
  refusalShareCurrentBeds: Type.Number(),
  occupancyCurrentBeds: Type.Number(),
  refusalsPerYearCurrentBeds: Type.Number(),
  gap: Type.Number(),
  pools: Type.Array(PoolDetail),
});
export type PoolingDetail = Static<typeof PoolingDetail>;

/** Capacity in one year: beds per pooling level beside the occupancy norm and today's beds. */
export const Capacity = Type.Object({
  code: Type.String(),
  year: Type.Integer(),
  scenarioId: Type.String(),
  deaths: Type.Number(),
  expectedDeaths: Type.Number(),
  hospiceRequests: Type.Number(),
  requestsPerDay: Type.Number(),
  meanLengthOfStay: Type.Number(),
  offeredLoad: Type.Number(),
  target: Type.Number(),
  occupancyNorm: Type.Number(),
  pooling: PoolingSchema,
  bedsNeededNorm: Type.Number(),
  currentBeds: Type.Number(),
  byPooling: Type.Object({
    hospice: PoolingDetail,
    cluster: PoolingDetail,
    region: PoolingDetail,
  }),
});
export type Capacity = Static<typeof Capacity>;

const AgeBands = Type.Object({
  '0-64': Type.Number(),
  '65-79': Type.Number(),
  '80+': Type.Number(),
});
const ByYear = <T extends Parameters<typeof Type.Record>[1]>(value: T) =>
  Type.Record(Type.String({ pattern: '^\\d{4}$' }), value);

/** What the model needs of one zorgkantoorregio, so the scenario explorer runs it in the browser. */
export const ModelRegionInput = Type.Object({
  code: Type.String(),
  name: Type.Optional(Type.String()),
  baseYear: Type.Optional(Type.Integer()),
  basePopulation: AgeBands,
  populationByYear: Type.Optional(ByYear(AgeBands)),
  deathsByYear: Type.Optional(ByYear(Type.Number())),
  deathsLogSd: Type.Optional(ByYear(Type.Number())),
  hospiceBeds: Type.Array(Type.Number()),
  hospiceLocations: Type.Optional(
    Type.Array(
      Type.Union([Type.Object({ latitude: Type.Number(), longitude: Type.Number() }), Type.Null()]),
    ),
  ),
  clusters: Type.Optional(Type.Array(Type.Array(Type.Integer()))),
  observed: Type.Optional(
    Type.Object({
      admissionsPerYear: Type.Number(),
      refusalsPerYear: Type.Number(),
      meanLengthOfStay: Type.Number(),
      year: Type.Integer(),
      source: Type.Optional(Type.String()),
    }),
  ),
});
export const ModelInputs = Type.Object({
  asOf: IsoDate,
  regions: Type.Array(ModelRegionInput),
  syntheticFacilities: Type.Integer({
    minimum: 0,
    description: 'Hoeveel voorzieningen achter de invoer synthetische demodata zijn',
  }),
});
export type ModelInputs = Static<typeof ModelInputs>;
