// Both stores must hand back identical JavaScript values for the same row, or code that passes on
// one store fails on the other. These parsers are installed on PGlite and on node-postgres alike.
// Dates stay 'YYYY-MM-DD' strings (no time-zone shifts), timestamps become ISO strings, counts and
// numerics become numbers (all our counts fit comfortably in a double).

export const PG_TYPE = {
  int8: 20,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

const toIso = (value: string): string => {
  // PostgreSQL prints '2026-01-02 03:04:05.123+00'; Date understands the ISO form with a 'T'.
  const normalised = value.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(normalised).toISOString();
};

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.int8]: (value) => Number(value),
  [PG_TYPE.numeric]: (value) => Number(value),
  [PG_TYPE.date]: (value) => value,
  [PG_TYPE.timestamp]: (value) => toIso(`${value}+00`),
  [PG_TYPE.timestamptz]: (value) => toIso(value),
};
