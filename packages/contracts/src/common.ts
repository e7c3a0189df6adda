import { FormatRegistry, Type, type TSchema } from '@sinclair/typebox';

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

export const RegionCodePattern = '^(GM\\d{4}|PV\\d{2}|ZK\\d{2})$';
export const GemeenteCode = Type.String({ pattern: '^GM\\d{4}$', examples: ['GM0363'] });

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
