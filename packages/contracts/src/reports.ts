import { Type, type Static } from '@sinclair/typebox';
import { ForecastRegionCode, IsoDate } from './common';
import { ForecastInput, ScenarioRef } from './forecast';
import { PlanBand, PLAN_VERDICTS, ServiceLevel } from './plans';

// The regional report ("Hospicezorg in {regio}, {datum}"): one model of figures, assembled from
// the same functions the API's own routes answer with, read by the HTML page and drawn as a PDF.
// The model holds numbers and codes only; each reader puts the words in its own language.

export const ReportParams = Type.Object({ code: ForecastRegionCode });

export const REPORT_LANGUAGES = ['nl', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];
const ReportLanguageSchema = Type.Union(
  REPORT_LANGUAGES.map((l) => Type.Literal(l)),
  { description: 'Taal van de PDF (nl of en)', default: 'nl' },
);

export const ReportPdfQuery = Type.Object(
  { lang: Type.Optional(ReportLanguageSchema) },
  { additionalProperties: false },
);

export const ReportMonth = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'JJJJ-MM',
  examples: ['2026-11'],
});

export const KeptReportParams = Type.Object({ code: ForecastRegionCode, month: ReportMonth });
export const KeptReportQuery = Type.Object(
  {
    lang: Type.Optional(ReportLanguageSchema),
    format: Type.Optional(
      Type.Union([Type.Literal('json'), Type.Literal('pdf')], {
        description: 'json: het rapportmodel; pdf: het rapport als PDF',
        default: 'json',
      }),
    ),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ReportCapacity = Type.Object({
  facilities: Type.Integer({ description: 'Open voorzieningen in het register' }),
  licensedBeds: Type.Integer({ description: 'Bedden in het register' }),
  syntheticFacilities: Type.Integer({ description: 'Waarvan synthetische demovoorzieningen' }),
  freshFacilities: Type.Integer({ description: 'Voorzieningen met een verse beddenstatus' }),
  bedsOpen: Type.Integer({ description: 'Open bedden bij de voorzieningen met verse status' }),
  bedsFree: Type.Integer({ description: 'Vrije bedden bij de voorzieningen met verse status' }),
});

/** The figures of a report month that can be suppressed, as GET /regions/{code}/statistics does. */
export const REPORT_MONTH_SUPPRESSIBLE = [
  'occupancy',
  'admissions',
  'refusals',
  'waitingListMean',
  'waitingListEnd',
] as const;
export type ReportMonthSuppressible = (typeof REPORT_MONTH_SUPPRESSIBLE)[number];

const small =
  'null als kleine aantallen (1 tot 4 personen) voor de vrager onderdrukt zijn (zie suppressed)';

export const ReportMonthFigures = Type.Object({
  period: Type.String({ description: 'JJJJ-MM' }),
  occupancy: Nullable(Type.Number({ description: `Bezetting (0–1); ${small}, met de ligdagen` })),
  admissions: Nullable(Type.Integer({ description: `Opnames; ${small}` })),
  refusals: Nullable(Type.Integer({ description: `Weigeringen; ${small}` })),
  waitingListMean: Nullable(Type.Number({ description: `Gemiddelde wachtlijst; ${small}` })),
  waitingListEnd: Nullable(Type.Integer({ description: `Wachtlijst aan het eind; ${small}` })),
  freshDataShare: Nullable(Type.Number()),
  suppressed: Type.Optional(
    Type.Array(Type.Union(REPORT_MONTH_SUPPRESSIBLE.map((c) => Type.Literal(c))), {
      description:
        'De velden van deze maand die onderdrukt zijn; leeg voor wie de registraties van de regio mag inzien (ontbreekt in maandrapporten van vóór de onderdrukking)',
    }),
  ),
});
export type ReportMonthFigures = Static<typeof ReportMonthFigures>;

/** Today's beds beside the beds each method says are needed. */
const bedsAndNeed = {
  currentBeds: Type.Number({ description: 'Bedden in het register vandaag' }),
  bedsNeededErlang: Type.Number({ description: 'Benodigde bedden voor de doel-weigeringskans' }),
  bedsNeededNorm: Type.Number({ description: 'Benodigde bedden bij de bezettingsnorm' }),
};

export const ReportForecastYear = Type.Object({
  year: Type.Integer(),
  observed: Type.Boolean({ description: 'Waargenomen jaar: sterfte volgens CBS' }),
  ...bedsAndNeed,
  gap: Type.Number({ description: 'Benodigd (Erlang B) min huidige bedden' }),
});
export type ReportForecastYear = Static<typeof ReportForecastYear>;

export const ReportNorm = Type.Object({
  year: Type.Integer(),
  target: Type.Number({ description: 'Doel-weigeringskans (Erlang B)' }),
  occupancyNorm: Type.Number({ description: 'Bezettingsnorm, bijv. 0,8' }),
  ...bedsAndNeed,
});

export const ReportPlanYear = Type.Object({
  year: Type.Integer(),
  currentBeds: Type.Integer(),
  plannedBeds: Type.Integer(),
  agreedBeds: Type.Integer(),
  targetBeds: Nullable(Type.Integer()),
  bedsNeeded: PlanBand,
  verdict: Nullable(Type.Union(PLAN_VERDICTS.map((v) => Type.Literal(v)))),
});
export type ReportPlanYear = Static<typeof ReportPlanYear>;

export const ReportHospice = Type.Object({
  id: Type.String(),
  name: Type.String(),
  licensedBeds: Type.Integer(),
  confirmedAt: Nullable(Type.String({ format: 'date-time' })),
  ageHours: Nullable(Type.Number({ description: 'Uren sinds de laatste bevestiging' })),
  freshness: Type.Union([Type.Literal('fresh'), Type.Literal('unknown')]),
  isSynthetic: Type.Boolean(),
});
export type ReportHospice = Static<typeof ReportHospice>;

export const RegionReport = Type.Object(
  {
    code: ForecastRegionCode,
    name: Type.String(),
    asOf: IsoDate,
    generatedAt: Type.String({ format: 'date-time' }),
    capacity: ReportCapacity,
    months: Type.Array(ReportMonthFigures, { description: 'De laatste twaalf maanden' }),
    forecast: Type.Object({
      scenario: ScenarioRef,
      years: Type.Array(ReportForecastYear),
    }),
    norm: ReportNorm,
    plan: Type.Object({
      version: Type.Integer({
        description: '0: nog geen plan vastgelegd (NL: aantal regio’s met een plan)',
      }),
      savedAt: Nullable(Type.String({ format: 'date-time' })),
      summedOverRegions: Type.Boolean({
        description: 'NL: de som van de regio’s (de banden zijn opgeteld, geen landelijke band)',
      }),
      serviceLevel: ServiceLevel,
      years: Type.Array(ReportPlanYear),
    }),
    completeness: Type.Object({
      freshnessHours: Type.Number(),
      // The region's totals as /regions/{code}/completeness gives them; facility by facility that
      // comparison is for the regisseur and national readers, so the public report keeps to totals.
      summary: Type.Object({
        last28DaysShare: Nullable(
          Type.Number({ description: 'Aandeel dagen met een bevestigde status, laatste 28 dagen' }),
        ),
        lastMonthShare: Nullable(Type.Number({ description: 'Hetzelfde over de vorige maand' })),
        behind: Type.Integer({ description: 'Voorzieningen die achterlopen met melden' }),
        monthlyFiguresIn: Type.Integer({ description: 'Maandcijfers binnen (of uit registratie)' }),
        monthlyFiguresOnTime: Type.Integer(),
      }),
      hospices: Type.Array(ReportHospice),
    }),
    sources: Type.Array(ForecastInput),
  },
  { description: 'Het rapport van een regio (of NL) als cijfers' },
);
export type RegionReport = Static<typeof RegionReport>;

export const KeptReport = Type.Object({
  month: ReportMonth,
  generatedAt: Type.String({ format: 'date-time' }),
});
export const KeptReportList = Type.Object({
  region: ForecastRegionCode,
  items: Type.Array(KeptReport),
});
export type KeptReportList = Static<typeof KeptReportList>;

/** The years a reader plans by, as page and PDF show them: this year and every fifth to 2050. */
export function reportYears(report: Pick<RegionReport, 'norm'>): number[] {
  const first = report.norm.year;
  return [first, ...[2030, 2035, 2040, 2045, 2050].filter((y) => y > first)];
}
