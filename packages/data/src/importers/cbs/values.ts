// Values in CBS files: numbers, or the symbols CBS publishes in their place.

export type ParsedValue =
  | { kind: 'number'; value: number }
  | { kind: 'missing'; symbol: string }
  | { kind: 'invalid'; text: string };

/** CBS symbols: "." (or empty/null) = not available, "x" = secret, "-"/"–" = nil (zero). */
export function parseValue(raw: unknown): ParsedValue {
  if (raw === null || raw === undefined) {
    return { kind: 'missing', symbol: 'null' };
  }
  if (typeof raw === 'number') {
    return Number.isFinite(raw) && raw >= 0
      ? { kind: 'number', value: raw }
      : { kind: 'invalid', text: String(raw) };
  }
  const text = String(raw).trim();
  if (text === '' || text === '.' || text === '..' || text.toLowerCase() === 'x') {
    return { kind: 'missing', symbol: text === '' ? 'empty' : `"${text}"` };
  }
  if (text === '-' || text === '–') {
    return { kind: 'number', value: 0 };
  }
  const normalised = /^\d+,\d+$/.test(text) ? text.replace(',', '.') : text;
  const value = Number(normalised);
  return /^\d+(\.\d+)?$/.test(normalised) && Number.isFinite(value)
    ? { kind: 'number', value }
    : { kind: 'invalid', text };
}
