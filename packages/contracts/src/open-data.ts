import { Type, type Static } from '@sinclair/typebox';
import { IsoDate } from './common';
import { CARE_MODELS, FUNDING_FORMS, HOSPICE_TYPES, UMBRELLAS } from './vocabulary';

// Open data: the aggregated figures per region and month and the public registry as CSV and
// JSON, described by a DCAT-AP-NL 3 catalogue (JSON-LD). A count of people below
// SMALL_COUNT_LIMIT (1–4) could point at a person in a small region and month: it is published as
// null and named in the row's `suppressed` list.

/** Counts of people from 1 up to this limit minus one are never published. */
export const SMALL_COUNT_LIMIT = 5;

/** The open datasets, by the last segment of their download URL. */
export const OPEN_DATASETS = ['region-months', 'hospices'] as const;
export type OpenDatasetId = (typeof OPEN_DATASETS)[number];

/** The columns of region-months that count people (nights of guests, guests, refusals). */
export const PERSON_COUNT_COLUMNS = ['bedDays', 'admissions', 'refusals'] as const;
export type PersonCountColumn = (typeof PERSON_COUNT_COLUMNS)[number];

/** What a suppressed column hides: a person count, or a figure computed from one. */
export const SUPPRESSIBLE_COLUMNS = [...PERSON_COUNT_COLUMNS, 'occupancy'] as const;
export type SuppressibleColumn = (typeof SUPPRESSIBLE_COLUMNS)[number];

const Count = (description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], {
    description: `${description}; null als het 1 tot en met ${SMALL_COUNT_LIMIT - 1} is (onderdrukt)`,
  });

export const OpenRegionMonth = Type.Object({
  regionCode: Type.String({ description: 'Zorgkantoorregio (ZKxx)' }),
  regionName: Type.String(),
  month: Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'JJJJ-MM' }),
  hospices: Type.Integer({ description: 'Voorzieningen open aan het eind van de maand' }),
  beds: Type.Integer({ description: 'Vergunde bedden aan het eind van de maand' }),
  bedDays: Count('Ligdagen (bezette bedden per nacht)'),
  occupancy: Type.Union([Type.Number(), Type.Null()], {
    description: 'Bezettingsgraad 0–1; null zonder gegevens of als de ligdagen onderdrukt zijn',
  }),
  admissions: Count('Opnames'),
  refusals: Count('Weigeringen wegens vol'),
  freshDataShare: Type.Union([Type.Number(), Type.Null()], {
    description: 'Aandeel voorziening-dagen met een verse beddenstatus (0–1)',
  }),
  suppressed: Type.Array(Type.Union(SUPPRESSIBLE_COLUMNS.map((c) => Type.Literal(c))), {
    description: 'De kolommen van deze rij die onderdrukt zijn (kleine aantallen)',
  }),
  isSynthetic: Type.Boolean({ description: 'Bevat synthetische demogegevens' }),
});
export type OpenRegionMonth = Static<typeof OpenRegionMonth>;

export const OpenHospice = Type.Object({
  id: Type.String(),
  name: Type.String(),
  type: Type.Union(HOSPICE_TYPES.map((t) => Type.Literal(t))),
  careModel: Type.Union([...CARE_MODELS.map((m) => Type.Literal(m)), Type.Null()]),
  funding: Type.Array(Type.Union(FUNDING_FORMS.map((f) => Type.Literal(f)))),
  umbrellas: Type.Array(Type.Union(UMBRELLAS.map((u) => Type.Literal(u)))),
  streetAddress: Type.Union([Type.String(), Type.Null()]),
  postcode: Type.Union([Type.String(), Type.Null()]),
  place: Type.String(),
  gemeenteCode: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()], { description: 'Zorgkantoorregio' }),
  latitude: Type.Union([Type.Number(), Type.Null()]),
  longitude: Type.Union([Type.Number(), Type.Null()]),
  licensedBeds: Type.Integer(),
  openedOn: Type.Union([IsoDate, Type.Null()]),
  closedOn: Type.Union([IsoDate, Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
  agbCode: Type.Union([Type.String(), Type.Null()]),
  kvkNumber: Type.Union([Type.String(), Type.Null()]),
  isSynthetic: Type.Boolean(),
});
export type OpenHospice = Static<typeof OpenHospice>;

const DatasetHeader = {
  dataset: Type.String(),
  version: Type.String({ description: 'Versie van de opbouw van de dataset' }),
  modified: Type.String({ format: 'date-time', description: 'Laatste wijziging van de gegevens' }),
  license: Type.String({ description: 'CC BY 4.0' }),
};

export const OpenRegionMonths = Type.Object({
  ...DatasetHeader,
  from: Type.String({ description: 'Eerste maand (JJJJ-MM)' }),
  to: Type.String({ description: 'Laatste maand (JJJJ-MM)' }),
  suppressionLimit: Type.Integer({
    description: 'Aantallen van 1 tot deze grens zijn onderdrukt (null)',
  }),
  rows: Type.Array(OpenRegionMonth),
});
export type OpenRegionMonths = Static<typeof OpenRegionMonths>;

export const OpenHospices = Type.Object({
  ...DatasetHeader,
  asOf: IsoDate,
  rows: Type.Array(OpenHospice),
});
export type OpenHospices = Static<typeof OpenHospices>;

export const OpenDataChange = Type.Object({
  dataset: Type.Union(OPEN_DATASETS.map((d) => Type.Literal(d))),
  version: Type.String(),
  date: IsoDate,
  nl: Type.String(),
  en: Type.String(),
});
export type OpenDataChange = Static<typeof OpenDataChange>;

/** Every version of every dataset's structure, newest last (the changelog). */
export const OPEN_DATA_CHANGELOG: readonly OpenDataChange[] = [
  {
    dataset: 'region-months',
    version: '1.0.0',
    date: '2026-12-02',
    nl: 'Eerste publicatie: per zorgkantoorregio en maand voorzieningen, bedden, ligdagen, bezetting, opnames, weigeringen en het aandeel verse gegevens; aantallen van 1 tot en met 4 onderdrukt.',
    en: 'First publication: per care-office region and month facilities, beds, bed-days, occupancy, admissions, refusals and the fresh-data share; counts of 1 to 4 suppressed.',
  },
  {
    dataset: 'hospices',
    version: '1.0.0',
    date: '2026-12-02',
    nl: 'Eerste publicatie: het register met de openbare velden (zonder telefoonnummer).',
    en: 'First publication: the registry with its public fields (without phone number).',
  },
];

export const OpenDataChangelog = Type.Object({ items: Type.Array(OpenDataChange) });
export type OpenDataChangelog = Static<typeof OpenDataChangelog>;

const LangText = Type.Object({ '@language': Type.String(), '@value': Type.String() });
const Ref = Type.Object({ '@id': Type.String() });
const Open = { additionalProperties: true } as const;

export const OpenDataDistribution = Type.Object(
  {
    '@id': Type.String(),
    '@type': Type.Literal('dcat:Distribution'),
    'dct:title': Type.Array(LangText),
    'dcat:accessURL': Ref,
    'dcat:downloadURL': Ref,
    'dcat:mediaType': Ref,
    'dct:format': Ref,
    'dct:license': Ref,
  },
  Open,
);

export const OpenDataDataset = Type.Object(
  {
    '@id': Type.String(),
    '@type': Type.Literal('dcat:Dataset'),
    'dct:identifier': Type.String(),
    'dct:title': Type.Array(LangText),
    'dct:description': Type.Array(LangText),
    'dct:publisher': Type.Object(
      { '@type': Type.String(), 'foaf:name': Type.Array(LangText) },
      Open,
    ),
    'dcat:contactPoint': Type.Object({}, Open),
    'dct:license': Ref,
    'dct:accessRights': Ref,
    'dcat:theme': Type.Array(Ref),
    'dct:language': Type.Array(Ref),
    'dct:spatial': Type.Array(Ref),
    'dct:temporal': Type.Object(
      {
        '@type': Type.Literal('dct:PeriodOfTime'),
        'dcat:startDate': Type.Object({ '@type': Type.String(), '@value': Type.String() }),
        'dcat:endDate': Type.Object({ '@type': Type.String(), '@value': Type.String() }),
      },
      Open,
    ),
    'dct:accrualPeriodicity': Ref,
    'dct:modified': Type.Object({ '@type': Type.String(), '@value': Type.String() }),
    'dcat:version': Type.String(),
    'adms:versionNotes': Type.Array(LangText),
    'dcat:distribution': Type.Array(OpenDataDistribution),
  },
  Open,
);

export const OpenDataCatalogue = Type.Object(
  {
    '@context': Type.Record(Type.String(), Type.String()),
    '@id': Type.String(),
    '@type': Type.Literal('dcat:Catalog'),
    'dct:title': Type.Array(LangText),
    'dct:description': Type.Array(LangText),
    'dct:publisher': Type.Object({}, Open),
    'dct:license': Ref,
    'dct:modified': Type.Object({ '@type': Type.String(), '@value': Type.String() }),
    'foaf:homepage': Ref,
    'dcat:dataset': Type.Array(OpenDataDataset),
  },
  Open,
);
export type OpenDataCatalogue = Static<typeof OpenDataCatalogue>;
