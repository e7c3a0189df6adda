import { Type, type Static } from '@sinclair/typebox';
import { AsOfQuery, Page, Pagination, REGION_CODE_PATTERNS } from './common';
import { HOSPICE_REF_FIELDS } from './hospice';

// The regional division (gemeenten, provincies, zorgkantoorregio's), the national overview and the
// boundaries of the map.

export const REGION_TYPES = ['zorgkantoorregio', 'provincie', 'gemeente'] as const;
export const RegionTypeSchema = Type.Union(
  REGION_TYPES.map((t) => Type.Literal(t)),
  { description: 'Soort regio' },
);

export const RegionSummary = Type.Object({
  code: Type.String(),
  type: RegionTypeSchema,
  name: Type.String(),
  validFrom: Type.Union([Type.String(), Type.Null()]),
  validTo: Type.Union([Type.String(), Type.Null()]),
});
export type RegionSummary = Static<typeof RegionSummary>;

export const RegionListQuery = Type.Object(
  { type: Type.Optional(RegionTypeSchema), asOf: AsOfQuery, ...Pagination },
  { additionalProperties: false },
);
export const RegionList = Page(RegionSummary);

export const RegionParams = Type.Object({
  code: Type.String({ pattern: REGION_CODE_PATTERNS.region }),
});
export const AsOfOnlyQuery = Type.Object({ asOf: AsOfQuery }, { additionalProperties: false });

export const RegionRef = Type.Object({ code: Type.String(), name: Type.String() });
export type RegionRef = Static<typeof RegionRef>;

/** A hospice as a region lists it: enough for a row and a link. */
export const HospiceRef = Type.Object({
  ...HOSPICE_REF_FIELDS,
  licensedBeds: Type.Integer(),
  isSynthetic: Type.Boolean(),
});
export type HospiceRef = Static<typeof HospiceRef>;

export const RegionDetail = Type.Composite([
  RegionSummary,
  Type.Object({
    asOf: Type.String(),
    gemeenten: Type.Array(RegionRef),
    parents: Type.Array(
      Type.Object({ code: Type.String(), name: Type.String(), type: RegionTypeSchema }),
    ),
    hospices: Type.Array(HospiceRef),
    licensedBeds: Type.Integer({ description: 'Vergunde bedden van open hospices' }),
  }),
]);
export type RegionDetail = Static<typeof RegionDetail>;

const figures = {
  facilities: Type.Integer({ description: 'Open hospicevoorzieningen' }),
  licensedBeds: Type.Integer({ description: 'Vergunde bedden' }),
  population: Type.Union([Type.Number(), Type.Null()]),
  population65Plus: Type.Union([Type.Number(), Type.Null()]),
  population80Plus: Type.Union([Type.Number(), Type.Null()]),
  populationYear: Type.Union([Type.Integer(), Type.Null()]),
  bedsPer10k65Plus: Type.Union([Type.Number(), Type.Null()], {
    description: 'Bedden per 10.000 inwoners van 65 jaar en ouder',
  }),
  syntheticFacilities: Type.Integer({ description: 'Waarvan synthetische demogegevens' }),
};
export const Figures = Type.Object(figures);
export type Figures = Static<typeof Figures>;
export const RegionFigures = Type.Object({
  code: Type.String(),
  name: Type.String(),
  ...figures,
});
export type RegionFigures = Static<typeof RegionFigures>;
export const Overview = Type.Object({
  asOf: Type.String(),
  national: Figures,
  regions: Type.Array(RegionFigures),
});
export type Overview = Static<typeof Overview>;

export const BoundariesQuery = Type.Object(
  {
    layer: RegionTypeSchema,
    year: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2100 })),
  },
  { additionalProperties: false },
);
/** One region's boundary, a GeoJSON Feature (RFC 7946). */
export const BoundaryFeature = Type.Object(
  {
    type: Type.Literal('Feature'),
    properties: Type.Object({}, { additionalProperties: true }),
    geometry: Type.Object({}, { additionalProperties: true }),
  },
  { additionalProperties: true },
);
/** A GeoJSON FeatureCollection (RFC 7946) of one layer, with the year of the division. */
export const Boundaries = Type.Object(
  {
    type: Type.Literal('FeatureCollection'),
    year: Type.Integer(),
    features: Type.Array(BoundaryFeature),
  },
  { additionalProperties: true },
);
