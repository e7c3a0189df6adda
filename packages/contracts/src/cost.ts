import { Type, type Static } from '@sinclair/typebox';
import { ModelInput } from './first-views';
import { ProjectionYear, ScenarioQuery, ScenarioRef } from './forecast';

// Cost on top of the forecast, and the query of the viability signal (its answer, Viability, is
// in first-views.ts, where the hospice page's first view holds it).

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

export const CostQuery = Type.Object(
  {
    scenario: ScenarioQuery,
    from: Type.Optional(ProjectionYear),
    to: Type.Optional(ProjectionYear),
    costPerBedDay: Type.Optional(
      Type.Number({ minimum: 0, maximum: 100_000, description: 'Euro per ligdag' }),
    ),
  },
  { additionalProperties: false },
);

/** The forecast row as the forecast gives it (its figures pass through), plus the cost figures. */
export const CostRow = Type.Object(
  {
    year: Type.Integer(),
    offeredLoad: Type.Number(),
    bedDays: Type.Number({ description: 'Ligdagen als elke aanvraag wordt opgenomen' }),
    cost: Type.Number({ description: 'Kosten van die ligdagen, euro (prijzen 2024)' }),
    bedDaysCurrentBeds: Type.Union([Type.Number(), Type.Null()], {
      description: 'Ligdagen die de huidige bedden dragen (zonder de geweigerden)',
    }),
    costCurrentBeds: NullableNumber,
  },
  { additionalProperties: true },
);

export const Cost = Type.Object({
  region: Type.String(),
  scenario: ScenarioRef,
  inputs: Type.Array(ModelInput),
  rows: Type.Array(CostRow),
});
export type Cost = Static<typeof Cost>;

const Share = (description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: 1, description }));
export const ViabilityQuery = Type.Object(
  {
    under: Share('Onder deze bezetting: onderbezetting (standaard 0.6, aanname)'),
    over: Share('Boven deze bezetting: overbezetting (standaard 0.9, aanname)'),
    minDataShare: Share('Minimum aandeel dagen met gegevens, anders onbekend (standaard 0.5)'),
  },
  { additionalProperties: false },
);
