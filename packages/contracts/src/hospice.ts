import { Type, type Static } from '@sinclair/typebox';
import { AsOfQuery, GemeenteCode, IsoDate, Page, Pagination, REGION_CODE_PATTERNS } from './common';
import { CARE_MODELS, FUNDING_FORMS, HOSPICE_TYPES, UMBRELLAS } from './vocabulary';

export const HospiceTypeSchema = Type.Union(
  HOSPICE_TYPES.map((t) => Type.Literal(t)),
  {
    description:
      'bth = bijna-thuis-huis; hch = high care hospice; nursing-home-unit = palliatieve unit in verpleeghuis; hospital-unit = hospice-afdeling ziekenhuis; other = anders',
  },
);

/** What names a facility wherever one is listed: its id, name and type, and where it is. */
export const HOSPICE_REF_FIELDS = {
  id: Type.String(),
  name: Type.String(),
  type: HospiceTypeSchema,
  place: Type.String(),
  gemeenteCode: Type.String(),
};

/** The longest admission criteria a facility may store: a few paragraphs, not a document. */
export const ADMISSION_CRITERIA_MAX_LENGTH = 1000;

const fields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  streetAddress: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]),
  postcode: Type.Union([
    Type.String({ pattern: '^[1-9]\\d{3} ?[A-Z]{2}$', examples: ['3511 AB'] }),
    Type.Null(),
  ]),
  place: Type.String({ minLength: 1, maxLength: 100, description: 'Woonplaats' }),
  gemeenteCode: GemeenteCode,
  latitude: Type.Union([Type.Number({ minimum: 50.6, maximum: 53.7 }), Type.Null()]),
  longitude: Type.Union([Type.Number({ minimum: 3.2, maximum: 7.3 }), Type.Null()]),
  type: HospiceTypeSchema,
  careModel: Type.Union([...CARE_MODELS.map((m) => Type.Literal(m)), Type.Null()]),
  funding: Type.Array(Type.Union(FUNDING_FORMS.map((f) => Type.Literal(f))), {
    uniqueItems: true,
    description: 'wlz, zvw, subsidy-ptz (subsidie palliatieve terminale zorg), donations, other',
  }),
  umbrellas: Type.Array(Type.Union(UMBRELLAS.map((u) => Type.Literal(u))), {
    uniqueItems: true,
  }),
  agbCode: Type.Union([Type.String({ pattern: '^\\d{8}$' }), Type.Null()]),
  kvkNumber: Type.Union([Type.String({ pattern: '^\\d{8}$' }), Type.Null()]),
  licensedBeds: Type.Integer({ minimum: 0, maximum: 500 }),
  openedOn: Type.Union([IsoDate, Type.Null()]),
  closedOn: Type.Union([IsoDate, Type.Null()]),
  phone: Type.Union([Type.String({ pattern: '^[0-9 +()-]{6,20}$' }), Type.Null()]),
  website: Type.Union([
    Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 }),
    Type.Null(),
  ]),
  admissionCriteria: Type.Union(
    [Type.String({ maxLength: ADMISSION_CRITERIA_MAX_LENGTH }), Type.Null()],
    {
      description:
        'Opnamecriteria in eigen woorden (wie de voorziening opneemt, welke verwijzing nodig is); geen gegevens van gasten',
    },
  ),
};

const effectiveFrom = Type.Optional(
  Type.String({
    format: 'date',
    pattern: '^\\d{4}-\\d{2}-\\d{2}$',
    description:
      'Datum vanaf wanneer de wijziging geldt (standaard vandaag; bij aanmaken de openingsdatum of vandaag)',
  }),
);

export const HospiceCreate = Type.Object(
  {
    name: fields.name,
    streetAddress: Type.Optional(fields.streetAddress),
    postcode: Type.Optional(fields.postcode),
    place: fields.place,
    gemeenteCode: fields.gemeenteCode,
    latitude: Type.Optional(fields.latitude),
    longitude: Type.Optional(fields.longitude),
    type: fields.type,
    careModel: Type.Optional(fields.careModel),
    funding: Type.Optional(fields.funding),
    umbrellas: Type.Optional(fields.umbrellas),
    agbCode: Type.Optional(fields.agbCode),
    kvkNumber: Type.Optional(fields.kvkNumber),
    licensedBeds: fields.licensedBeds,
    openedOn: Type.Optional(fields.openedOn),
    closedOn: Type.Optional(fields.closedOn),
    phone: Type.Optional(fields.phone),
    website: Type.Optional(fields.website),
    admissionCriteria: Type.Optional(fields.admissionCriteria),
    effectiveFrom,
  },
  { additionalProperties: false, $id: 'HospiceCreate' },
);
export type HospiceCreate = Static<typeof HospiceCreate>;

// A change may leave out any field, but names at least one.
export const HospicePatch = Type.Object(
  { ...Type.Partial(Type.Object(fields)).properties, effectiveFrom },
  { additionalProperties: false, minProperties: 1, $id: 'HospicePatch' },
);
export type HospicePatch = Static<typeof HospicePatch>;

const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });

export const Hospice = Type.Object(
  {
    id: Type.String(),
    name: fields.name,
    streetAddress: fields.streetAddress,
    postcode: fields.postcode,
    place: fields.place,
    gemeenteCode: fields.gemeenteCode,
    latitude: fields.latitude,
    longitude: fields.longitude,
    type: fields.type,
    careModel: fields.careModel,
    funding: fields.funding,
    umbrellas: fields.umbrellas,
    agbCode: fields.agbCode,
    kvkNumber: fields.kvkNumber,
    licensedBeds: fields.licensedBeds,
    openedOn: fields.openedOn,
    closedOn: fields.closedOn,
    phone: fields.phone,
    website: fields.website,
    admissionCriteria: fields.admissionCriteria,
    regions: Type.Object({
      gemeente: Type.Union([RegionRef, Type.Null()]),
      zorgkantoorregio: Type.Union([RegionRef, Type.Null()]),
      provincie: Type.Union([RegionRef, Type.Null()]),
    }),
    validFrom: IsoDate,
    validTo: Type.Union([IsoDate, Type.Null()]),
    recordedAt: Type.String({ format: 'date-time' }),
    recordedBy: Type.String(),
    isSynthetic: Type.Boolean({ description: 'Synthetische demogegevens' }),
  },
  { $id: 'Hospice' },
);
export type Hospice = Static<typeof Hospice>;

export const HospiceList = Page(Hospice);
export type HospiceList = Static<typeof HospiceList>;

/** Every version of a registration, oldest first, with the fields each version changed. */
export const HospiceHistory = Type.Object({
  id: Type.String(),
  versions: Type.Array(
    Type.Object({
      validFrom: Type.String(),
      validTo: Type.Union([Type.String(), Type.Null()]),
      recordedAt: Type.String(),
      recordedBy: Type.String(),
      changed: Type.Array(Type.String(), {
        description: 'Velden die in deze versie veranderden',
      }),
      values: Type.Omit(Hospice, [
        'id',
        'regions',
        'validFrom',
        'validTo',
        'recordedAt',
        'recordedBy',
        'isSynthetic',
      ]),
    }),
  ),
});
export type HospiceHistory = Static<typeof HospiceHistory>;

/** The registry's list on a date, filtered by region, type and whether a facility is open. */
export const HospiceListQuery = Type.Object(
  {
    asOf: AsOfQuery,
    region: Type.Optional(
      Type.String({
        pattern: REGION_CODE_PATTERNS.region,
        description: 'Gemeente-, provincie- of zorgkantoorregiocode',
      }),
    ),
    type: Type.Optional(HospiceTypeSchema),
    open: Type.Optional(
      Type.Boolean({ description: 'Alleen voorzieningen die op de peildatum open zijn' }),
    ),
    ...Pagination,
  },
  { additionalProperties: false },
);
