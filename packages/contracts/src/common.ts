import { FormatRegistry, Type, type Static, type TSchema } from '@sinclair/typebox';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written 'YYYY-MM-DD' (no 2023-02-30). */
export function isValidDate(value: string): boolean {
  const match = DATE_RE.exec(value);
  if (!match) {
    return false;
  }
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.toISOString().slice(0, 10) === value;
}

// TypeBox's own checker (used for file rows; the API uses ajv) knows no formats until registered.
if (!FormatRegistry.Has('date')) {
  FormatRegistry.Set('date', (value) => isValidDate(value));
  FormatRegistry.Set('date-time', (value) => !Number.isNaN(Date.parse(value)));
  FormatRegistry.Set('uri', (value) => URL.canParse(value));
}

// Shared pieces of the API and file contracts. One schema validates input and gives the
// TypeScript type and the OpenAPI document.

export const IsoDate = Type.String({
  format: 'date',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'Datum, ISO 8601 (JJJJ-MM-DD)',
  examples: ['2025-01-01'],
});

// Region codes, spelled once: CBS gemeente (GM0363), provincie (PV26), zorgkantoorregio (ZK23), and
// NL for the whole country where a question may be asked nationally.
const GEMEENTE = 'GM\\d{4}';
const PROVINCIE = 'PV\\d{2}';
const ZORGKANTOORREGIO = 'ZK\\d{2}';

/** Patterns (JSON Schema `pattern`, anchored) of the region codes the API accepts. */
export const REGION_CODE_PATTERNS = {
  gemeente: `^${GEMEENTE}$`,
  provincie: `^${PROVINCIE}$`,
  zorgkantoorregio: `^${ZORGKANTOORREGIO}$`,
  /** Any region of the division: gemeente, provincie or zorgkantoorregio. */
  region: `^(${GEMEENTE}|${PROVINCIE}|${ZORGKANTOORREGIO})$`,
  /** Any region, or the whole country. */
  regionOrNation: `^(NL|${GEMEENTE}|${PROVINCIE}|${ZORGKANTOORREGIO})$`,
  /** A zorgkantoorregio or the whole country: what the model forecasts for. */
  zorgkantoorregioOrNation: `^(${ZORGKANTOORREGIO}|NL)$`,
} as const;
export type RegionCodeKind = keyof typeof REGION_CODE_PATTERNS;

/** Whether `value` is a code of that kind (the same test the API's validation makes). */
export function isRegionCode(kind: RegionCodeKind, value: string): boolean {
  return new RegExp(REGION_CODE_PATTERNS[kind]).test(value);
}

export const RegionCodePattern = REGION_CODE_PATTERNS.region;
export const GemeenteCode = Type.String({
  pattern: REGION_CODE_PATTERNS.gemeente,
  examples: ['GM0363'],
});
export const ZorgkantoorregioCode = Type.String({
  pattern: REGION_CODE_PATTERNS.zorgkantoorregio,
  examples: ['ZK23'],
});
/** A zorgkantoorregio (ZKxx) or the whole country (NL). */
export const ForecastRegionCode = Type.String({
  pattern: REGION_CODE_PATTERNS.zorgkantoorregioOrNation,
  description: 'Zorgkantoorregio (ZKxx) of NL',
});

/** A hospice's id as it appears in paths (the registry's ids, and the demo's readable ones). */
export const HOSPICE_ID_PATTERN = '^[A-Za-z0-9-]{1,64}$';
/** A scenario's id: kebab-case, as the model requires. */
export const SCENARIO_ID_PATTERN = '^[a-z0-9-]{1,64}$';
export const HospiceIdParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }),
});
/** A region by code: a gemeente, provincie or zorgkantoorregio, or the whole country ('NL'). */
export const RegionCodeParams = Type.Object({
  code: Type.String({ pattern: REGION_CODE_PATTERNS.regionOrNation }),
});
export const ZorgkantoorregioParams = Type.Object({ code: ZorgkantoorregioCode });
export const ForecastRegionParams = Type.Object({ code: ForecastRegionCode });

/** A list answered whole, with its length. */
export const List = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer() });

/** `asOf` query parameter: the date a question is about (default today, Europe/Amsterdam). */
export const AsOfQuery = Type.Optional(
  Type.String({ ...IsoDate, description: 'Peildatum (JJJJ-MM-DD); standaard vandaag' }),
);

export const Pagination = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ description: 'Totaal aantal resultaten' }),
    limit: Type.Integer(),
    offset: Type.Integer(),
  });

/** The values a coded message needs ({limit: 5}), so a client can word it in its own language. */
const MessageParams = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]));

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.Optional(Type.String()),
    detailCode: Type.Optional(
      Type.String({ description: 'The detail as a stable code, for clients that translate it' }),
    ),
    detailParams: Type.Optional(MessageParams),
    invalidParams: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.Optional(Type.String()),
          line: Type.Optional(Type.Integer()),
          reason: Type.String(),
          severity: Type.Optional(Type.String()),
          code: Type.Optional(
            Type.String({
              description: 'The reason as a stable code, e.g. bedStatus.occupiedAboveOpen',
            }),
          ),
          params: Type.Optional(MessageParams),
        }),
      ),
    ),
    issueCount: Type.Optional(
      Type.Integer({
        description: 'How many problems there are; set when invalidParams is cut short',
      }),
    ),
    truncated: Type.Optional(
      Type.Boolean({ description: 'invalidParams lists only the first problems (see issueCount)' }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);
export type Problem = Static<typeof Problem>;

/** The media type of every error answer (RFC 9457). */
export const PROBLEM_JSON = 'application/problem+json';
