import { Type } from '@sinclair/typebox';

// The query of the derived figures per hospice, per region and nationally; the answer is
// `Statistics` (collection.ts).

const MonthOrYear = Type.String({
  pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$',
  description: 'JJJJ-MM of JJJJ',
});
export const StatisticsQuery = Type.Object(
  {
    period: Type.Optional(
      Type.Union([Type.Literal('month'), Type.Literal('year')], {
        default: 'month',
        description: 'Per maand of per jaar',
      }),
    ),
    from: Type.Optional(MonthOrYear),
    to: Type.Optional(MonthOrYear),
    daily: Type.Optional(Type.Boolean({ description: 'Ook bezetting en ligdagen per dag' })),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('csv')], {
        description: 'csv: één regel per periode (en per voorziening met byHospice)',
      }),
    ),
  },
  { additionalProperties: false },
);
export const RegionStatisticsQuery = Type.Composite(
  [
    StatisticsQuery,
    Type.Object({
      byHospice: Type.Optional(
        Type.Boolean({ description: 'Ook de cijfers per voorziening in de regio' }),
      ),
    }),
  ],
  { additionalProperties: false },
);
