import { Type, type Static } from '@sinclair/typebox';

// The map indicators of every zorgkantoorregio in one answer, so a page that shows all regions
// (the national overview's map and table) needs one request instead of one per region.

const NullableNumber = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], { description });

export const RegionIndicatorRow = Type.Object({
  code: Type.String({ description: 'Zorgkantoorregio (ZKxx)' }),
  name: Type.String(),
  period: Type.Union([Type.String(), Type.Null()], {
    description: 'De laatste maand met gegevens (JJJJ-MM), waaruit bezetting en weigeringen komen',
  }),
  occupancy: NullableNumber(
    'Bezetting in die maand (0–1); null als de ligdagen 1 tot 4 zijn en de vrager de registraties niet mag lezen (zie suppressed)',
  ),
  refusals: NullableNumber(
    'Weigeringen in die maand; null bij 1 tot 4 als de vrager de registraties van de regio niet mag lezen (zie suppressed)',
  ),
  freshDataShare: NullableNumber('Aandeel dagen met verse bedstatus in die maand (0–1)'),
  surplusNow: NullableNumber(
    'Vergunde bedden min benodigde bedden (Erlang B, basisscenario) in het huidige jaar; negatief = tekort',
  ),
  surplusInYear: NullableNumber(
    'Vergunde bedden min benodigde bedden (Erlang B, basisscenario) in het gevraagde jaar; negatief = tekort',
  ),
  suppressed: Type.Array(Type.Union([Type.Literal('occupancy'), Type.Literal('refusals')]), {
    description:
      'De velden die als kleine aantallen zijn weggelaten (null), zoals in GET /regions/{code}/statistics',
  }),
});
export type RegionIndicatorRow = Static<typeof RegionIndicatorRow>;

export const RegionIndicatorsQuery = Type.Object(
  {
    year: Type.Optional(
      Type.Integer({
        minimum: 2024,
        maximum: 2050,
        default: 2035,
        description: 'Het jaar van surplusInYear',
      }),
    ),
  },
  { additionalProperties: false },
);
export type RegionIndicatorsQuery = Static<typeof RegionIndicatorsQuery>;

export const RegionIndicators = Type.Object({
  asOf: Type.String({ description: 'Peildatum (JJJJ-MM-DD)' }),
  currentYear: Type.Integer({ description: 'Het jaar van surplusNow' }),
  year: Type.Integer({ description: 'Het jaar van surplusInYear' }),
  items: Type.Array(RegionIndicatorRow),
});
export type RegionIndicators = Static<typeof RegionIndicators>;
