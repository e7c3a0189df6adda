import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from './common';
import { HOSPICE_REF_FIELDS, HospiceTypeSchema } from './hospice';
import { SMALL_COUNT_LIMIT } from './open-data';

// Contracts of low-burden data collection: bed status, anonymous stays, refusals, waiting list,
// monthly returns and the figures derived from them. No field can hold personal data: every body
// rejects unknown fields, and there is no free text.

export const CLOSED_REASONS = ['staff-shortage', 'renovation', 'infection', 'other'] as const;
export const STAY_ORIGINS = ['home', 'hospital', 'nursing-home', 'other'] as const;
export const DEPARTURE_KINDS = ['died', 'discharged-home', 'transferred'] as const;

const Count = (description: string, maximum = 500) =>
  Type.Integer({ minimum: 0, maximum, description });
const Timestamp = Type.String({ format: 'date-time' });

export const ClosedReasonSchema = Type.Union(
  CLOSED_REASONS.map((r) => Type.Literal(r)),
  {
    description:
      'Reden van tijdelijke sluiting: staff-shortage = personeelstekort, renovation = verbouwing, infection = infectie, other = anders',
  },
);

export const BedStatusPut = Type.Object(
  {
    bedsOpen: Count('Bedden open (bemenst)'),
    bedsOccupied: Count('Bedden bezet'),
    bedsClosed: Type.Optional(Count('Bedden tijdelijk gesloten (standaard 0)')),
    closedReason: Type.Optional(Type.Union([ClosedReasonSchema, Type.Null()])),
    admissionStop: Type.Optional(
      Type.Boolean({ description: 'Opnamestop: er worden nu geen gasten opgenomen' }),
    ),
  },
  { additionalProperties: false, $id: 'BedStatusPut' },
);
export type BedStatusPut = Static<typeof BedStatusPut>;

export const BedStatus = Type.Object(
  {
    hospiceId: Type.String(),
    bedsOpen: Type.Union([Type.Integer(), Type.Null()]),
    bedsOccupied: Type.Union([Type.Integer(), Type.Null()]),
    bedsFree: Type.Union([Type.Integer(), Type.Null()], {
      description:
        'Vrije bedden (open − bezet); null als de status niet binnen de versheidstermijn is bevestigd: onbekend is nooit vrij',
    }),
    bedsClosed: Type.Union([Type.Integer(), Type.Null()]),
    closedReason: Type.Union([ClosedReasonSchema, Type.Null()]),
    admissionStop: Type.Union([Type.Boolean(), Type.Null()]),
    licensedBeds: Type.Union([Type.Integer(), Type.Null()]),
    confirmedAt: Type.Union([Timestamp, Type.Null()], {
      description: 'Laatst bevestigd (ook "geen wijziging")',
    }),
    changedAt: Type.Union([Timestamp, Type.Null()], { description: 'Laatst gewijzigd' }),
    freshness: Type.Union([Type.Literal('fresh'), Type.Literal('unknown')], {
      description: 'fresh = bevestigd binnen de versheidstermijn; unknown = niet (of nooit)',
    }),
    freshUntil: Type.Union([Timestamp, Type.Null()]),
    eventId: Type.Union([Type.Integer(), Type.Null()]),
    recordedBy: Type.Union([Type.String(), Type.Null()]),
    isSynthetic: Type.Boolean({ description: 'Synthetische demogegevens' }),
  },
  { $id: 'BedStatus' },
);
export type BedStatus = Static<typeof BedStatus>;

export const WarningList = Type.Array(
  Type.Object({
    field: Type.Optional(Type.String()),
    message: Type.String(),
    code: Type.Optional(Type.String({ description: 'Stabiele code van de melding' })),
    params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]))),
  }),
  { description: 'Waarschuwingen: geaccepteerd, maar opvallend' },
);

export const BedStatusEvent = Type.Object({
  id: Type.Integer(),
  hospiceId: Type.String(),
  kind: Type.Union([Type.Literal('update'), Type.Literal('confirm'), Type.Literal('movement')]),
  bedsOpen: Type.Integer(),
  bedsOccupied: Type.Integer(),
  bedsClosed: Type.Integer(),
  closedReason: Type.Union([ClosedReasonSchema, Type.Null()]),
  admissionStop: Type.Boolean(),
  recordedAt: Timestamp,
  recordedBy: Type.String(),
});
export type BedStatusEvent = Static<typeof BedStatusEvent>;

export const StayOriginSchema = Type.Union(
  STAY_ORIGINS.map((o) => Type.Literal(o)),
  {
    description:
      'Herkomst: home = thuis, hospital = ziekenhuis, nursing-home = verpleeghuis, other = anders',
  },
);
export const DepartureKindSchema = Type.Union(
  DEPARTURE_KINDS.map((k) => Type.Literal(k)),
  {
    description:
      'Soort vertrek: died = overleden, discharged-home = ontslagen naar huis, transferred = overgeplaatst',
  },
);

export const DepartureCreate = Type.Object(
  { departedOn: IsoDate, kind: DepartureKindSchema },
  { additionalProperties: false, $id: 'DepartureCreate' },
);
export type DepartureCreate = Static<typeof DepartureCreate>;

export const AdmissionCreate = Type.Object(
  {
    admittedOn: IsoDate,
    origin: StayOriginSchema,
    departure: Type.Optional(
      Type.Object(
        { departedOn: IsoDate, kind: DepartureKindSchema },
        {
          additionalProperties: false,
          description: 'Alleen om een afgesloten verblijf in één keer in te voeren',
        },
      ),
    ),
  },
  { additionalProperties: false, $id: 'AdmissionCreate' },
);
export type AdmissionCreate = Static<typeof AdmissionCreate>;

export const Stay = Type.Object(
  {
    stayId: Type.String({ description: 'Anoniem verblijfsnummer, uitgegeven bij opname' }),
    hospiceId: Type.String(),
    admittedOn: IsoDate,
    origin: StayOriginSchema,
    departedOn: Type.Union([IsoDate, Type.Null()]),
    departureKind: Type.Union([DepartureKindSchema, Type.Null()]),
    lengthOfStayDays: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Verblijfsduur in dagen (vertrekdatum − opnamedatum); null zolang de gast er is',
    }),
    recordedAt: Timestamp,
  },
  { $id: 'Stay' },
);
export type Stay = Static<typeof Stay>;

export const RefusalCreate = Type.Object(
  {
    date: IsoDate,
    count: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Aantal weigeringen (standaard 1)' }),
    ),
  },
  { additionalProperties: false, $id: 'RefusalCreate' },
);
export type RefusalCreate = Static<typeof RefusalCreate>;

export const WaitingListPut = Type.Object(
  {
    size: Count('Aantal mensen op de wachtlijst'),
    date: Type.Optional(IsoDate),
  },
  { additionalProperties: false, $id: 'WaitingListPut' },
);
export type WaitingListPut = Static<typeof WaitingListPut>;

// Years from 1000: year 0000 does not exist in the calendar PostgreSQL (and ISO 8601 dates) use.
export const MonthPattern = '^[1-9]\\d{3}-(0[1-9]|1[0-2])$';

export const MonthlyReturnBody = Type.Object(
  {
    occupiedStart: Count('Bezette bedden aan het begin van de maand'),
    admissions: Count('Opnames', 10_000),
    departuresDied: Count('Vertrokken: overleden', 10_000),
    departuresDischargedHome: Count('Vertrokken: ontslagen naar huis', 10_000),
    departuresTransferred: Count('Vertrokken: overgeplaatst', 10_000),
    occupiedEnd: Count('Bezette bedden aan het eind van de maand'),
    bedDays: Count('Ligdagen (bezette bedden per nacht, opgeteld)', 100_000),
    refusals: Count('Weigeringen wegens vol', 10_000),
    waitingListEnd: Type.Optional(
      Type.Union([Count('Wachtlijst aan het eind van de maand'), Type.Null()]),
    ),
    lengthOfStayDaysTotal: Type.Optional(
      Type.Union([
        Count('Som van de verblijfsduur (dagen) van de vertrokken gasten', 1_000_000),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false, $id: 'MonthlyReturnBody' },
);
export type MonthlyReturnBody = Static<typeof MonthlyReturnBody>;

export const MonthlyReturn = Type.Object({
  id: Type.Integer(),
  hospiceId: Type.String(),
  month: Type.String({ pattern: MonthPattern }),
  occupiedStart: Type.Integer(),
  admissions: Type.Integer(),
  departuresDied: Type.Integer(),
  departuresDischargedHome: Type.Integer(),
  departuresTransferred: Type.Integer(),
  occupiedEnd: Type.Integer(),
  bedDays: Type.Integer(),
  refusals: Type.Integer(),
  waitingListEnd: Type.Union([Type.Integer(), Type.Null()]),
  lengthOfStayDaysTotal: Type.Union([Type.Integer(), Type.Null()]),
  source: Type.Union([Type.Literal('api'), Type.Literal('csv')]),
  recordedAt: Timestamp,
  recordedBy: Type.String(),
  supersededAt: Type.Union([Timestamp, Type.Null()]),
});
export type MonthlyReturn = Static<typeof MonthlyReturn>;

export const ReturnDifference = Type.Object({
  hospiceId: Type.String(),
  month: Type.String({ pattern: MonthPattern }),
  field: Type.String({
    description: 'Het veld zoals de indiener het noemt (API-veld of CSV-kolom)',
  }),
  returned: Type.Number({ description: 'Het getal in de maandopgave' }),
  derived: Type.Number({ description: 'Afgeleid uit de geregistreerde bewegingen' }),
  line: Type.Optional(Type.Integer({ description: 'Regel in het CSV-bestand' })),
});
export type ReturnDifference = Static<typeof ReturnDifference>;

/**
 * The figures of a statistics row that can be suppressed: the counts of people, and what is
 * computed from them (occupancy from bed-days, stay lengths from few stays). Nested fields by path.
 */
export const STATISTICS_SUPPRESSIBLE = [
  'bedDays',
  'occupancy',
  'admissions',
  'departures.total',
  'departures.died',
  'departures.dischargedHome',
  'departures.transferred',
  'lengthOfStay.count',
  'lengthOfStay.meanDays',
  'lengthOfStay.medianDays',
  'refusals',
  'waitingList.mean',
  'waitingList.end',
] as const;
export type StatisticsSuppressible = (typeof STATISTICS_SUPPRESSIBLE)[number];

/** The figures of a day row that can be suppressed: guests present, and occupancy from them. */
export const DAILY_SUPPRESSIBLE = ['occupied', 'occupancy'] as const;
export type DailySuppressible = (typeof DAILY_SUPPRESSIBLE)[number];

const SUPPRESSED_WHEN = `null als het 1 tot en met ${SMALL_COUNT_LIMIT - 1} is, of als zo'n aantal anders uit een getoond totaal terug te rekenen is, en de vrager de registraties van deze voorziening of regio niet mag inzien (onderdrukt, genoemd in suppressed)`;

/** A count of people: null when suppressed (also for the figures of other answers). */
export const PersonCount = (description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: `${description}; ${SUPPRESSED_WHEN}`,
  });

/** A figure that is null without data, and also when suppressed (`why` says when). */
export const DerivedFigure = (description: string, why: string) =>
  Type.Union([Type.Number(), Type.Null()], { description: `${description}; null ${why}` });

const FROM_FEW_STAYS = `zonder gegevens, of (onderdrukt) uit minder dan ${SMALL_COUNT_LIMIT} verblijven voor wie de registraties niet mag inzien`;

/** The list of a row's suppressed fields, out of `columns`. */
export const SuppressedFields = <T extends readonly string[]>(columns: T) =>
  Type.Array(Type.Union(columns.map((c) => Type.Literal(c))), {
    description:
      'De velden van deze rij die onderdrukt zijn (kleine aantallen van personen, en wat daaruit volgt); leeg voor wie de registraties van deze voorziening of regio mag inzien',
  });

export const PeriodFigures = Type.Object({
  period: Type.String({ description: 'JJJJ-MM of JJJJ' }),
  from: IsoDate,
  to: IsoDate,
  days: Type.Integer({ description: 'Dagen in de periode tot en met vandaag' }),
  hospices: Type.Integer({ description: 'Voorzieningen in de regio in deze periode' }),
  bedDays: PersonCount('Ligdagen (bezette bedden per nacht)'),
  bedDaysAvailable: Type.Integer({
    description: 'Vergunde bedden × dagen, alleen voor dagen met gegevens',
  }),
  occupancy: DerivedFigure(
    'Bezettingsgraad 0–1',
    'zonder gegevens of als de ligdagen onderdrukt zijn',
  ),
  admissions: PersonCount('Opnames'),
  departures: Type.Object({
    total: PersonCount(
      'Vertrokken gasten; ook null als precies één soort vertrek onderdrukt is, zodat die niet door aftrekken terug te vinden is',
    ),
    died: PersonCount('Overleden'),
    dischargedHome: PersonCount('Naar huis'),
    transferred: PersonCount('Overgeplaatst'),
  }),
  lengthOfStay: Type.Object({
    count: PersonCount('Vertrokken gasten met bekende verblijfsduur'),
    meanDays: DerivedFigure('Gemiddelde verblijfsduur in dagen', FROM_FEW_STAYS),
    medianDays: DerivedFigure(
      'Mediane verblijfsduur in dagen, alleen uit geregistreerde bewegingen (niet uit maandopgaven)',
      FROM_FEW_STAYS,
    ),
  }),
  refusals: PersonCount('Weigeringen wegens vol'),
  waitingList: Type.Object({
    mean: DerivedFigure(
      'Gemiddelde wachtlijst',
      `zonder gegevens, of als het meer dan 0 en minder dan ${SMALL_COUNT_LIMIT} is voor wie de registraties niet mag inzien`,
    ),
    end: PersonCount('Wachtlijst aan het eind van de periode; null zonder gegevens'),
  }),
  freshDataShare: Type.Union([Type.Number(), Type.Null()], {
    description: 'Aandeel voorziening-dagen waarop de beddenstatus vers was',
  }),
  coverage: Type.Object({
    hospiceMonthsFromEvents: Type.Integer(),
    hospiceMonthsFromReturns: Type.Integer(),
    hospiceMonthsWithoutData: Type.Integer(),
  }),
  suppressed: SuppressedFields(STATISTICS_SUPPRESSIBLE),
});
export type PeriodFigures = Static<typeof PeriodFigures>;

export const DailyFigures = Type.Object({
  date: IsoDate,
  occupied: PersonCount('Bezette bedden (aanwezige gasten)'),
  beds: Type.Integer({ description: 'Vergunde bedden van voorzieningen met bewegingsregistratie' }),
  occupancy: DerivedFigure('Bezettingsgraad 0–1', 'zonder gegevens of als occupied onderdrukt is'),
  freshDataShare: Type.Union([Type.Number(), Type.Null()]),
  suppressed: SuppressedFields(DAILY_SUPPRESSIBLE),
});
export type DailyFigures = Static<typeof DailyFigures>;

export const Statistics = Type.Object({
  scope: Type.Object({
    kind: Type.Union([
      Type.Literal('hospice'),
      Type.Literal('gemeente'),
      Type.Literal('provincie'),
      Type.Literal('zorgkantoorregio'),
      Type.Literal('national'),
    ]),
    code: Type.String(),
    name: Type.String(),
  }),
  period: Type.Union([Type.Literal('month'), Type.Literal('year')]),
  from: IsoDate,
  to: IsoDate,
  freshnessHours: Type.Number(),
  isSynthetic: Type.Boolean({ description: 'Bevat synthetische demogegevens' }),
  items: Type.Array(PeriodFigures),
  daily: Type.Optional(Type.Array(DailyFigures)),
  hospices: Type.Optional(
    Type.Array(
      Type.Object({
        hospiceId: Type.String(),
        name: Type.String({ description: 'De naam aan het eind van de periode' }),
        items: Type.Array(PeriodFigures),
        daily: Type.Optional(Type.Array(DailyFigures)),
      }),
      { description: 'Met byHospice=true: dezelfde cijfers per voorziening in de regio' },
    ),
  ),
});
export type Statistics = Static<typeof Statistics>;

export const BedFinderHospice = Type.Object({
  ...HOSPICE_REF_FIELDS,
  phone: Type.Union([Type.String(), Type.Null()]),
  latitude: Type.Number(),
  longitude: Type.Number(),
  distanceKm: Type.Number(),
  bedsFree: Type.Union([Type.Integer(), Type.Null()]),
  confirmedAt: Type.Union([Timestamp, Type.Null()], { description: 'Laatst bevestigd' }),
  isSynthetic: Type.Boolean(),
  status: Type.Union(
    [Type.Literal('free'), Type.Literal('full'), Type.Literal('stop'), Type.Literal('unknown')],
    { description: 'Vrij, vol, opnamestop, of onbekend (niet vers bevestigd)' },
  ),
  confirmedBy: Type.Union(
    [
      Type.Literal('hospice-editor'),
      Type.Literal('regisseur'),
      Type.Literal('administrator'),
      Type.Literal('hospice-system'),
      Type.Literal('demo'),
      Type.Literal('other'),
      Type.Null(),
    ],
    { description: 'Door wie laatst bevestigd: soort rol, nooit een e-mailadres' },
  ),
  waitingList: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Wachtlijst, als die de laatste 7 dagen is doorgegeven',
  }),
  streetAddress: Type.Union([Type.String(), Type.Null()]),
  postcode: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  admissionCriteria: Type.Union([Type.String(), Type.Null()], {
    description: 'Opnamecriteria van de voorziening, in eigen woorden',
  }),
});
export type BedFinderHospice = Static<typeof BedFinderHospice>;

export const BedFinderResult = Type.Object({
  origin: Type.Object({
    query: Type.String(),
    kind: Type.Union([
      Type.Literal('postcode'),
      Type.Literal('coordinates'),
      Type.Literal('place'),
    ]),
    label: Type.String(),
    latitude: Type.Number(),
    longitude: Type.Number(),
  }),
  radiusKm: Type.Number(),
  freshnessHours: Type.Number(),
  asOf: Timestamp,
  available: Type.Array(BedFinderHospice, {
    description: 'Met vrije bedden, dichtstbijzijnde eerst',
  }),
  unknown: Type.Array(BedFinderHospice, {
    description: 'Beddenstatus niet vers bevestigd: onbekend, niet vrij',
  }),
  full: Type.Integer({
    description: 'Aantal voorzieningen binnen de straal dat vol is of een opnamestop heeft',
  }),
  hospices: Type.Array(BedFinderHospice, {
    description:
      'Elke voorziening binnen de straal (vrij, vol, opnamestop, onbekend), dichtstbijzijnde eerst',
  }),
});
export type BedFinderResult = Static<typeof BedFinderResult>;

export const BedFinderQuery = Type.Object(
  {
    near: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Postcode (1234 of 1234 AB), plaatsnaam, of breedte,lengte (52.09,5.12)',
    }),
    type: Type.Optional(HospiceTypeSchema),
    radiusKm: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 400,
        default: 25,
        description: 'Straal in km',
      }),
    ),
  },
  { additionalProperties: false },
);
