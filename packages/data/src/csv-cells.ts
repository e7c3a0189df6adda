import { stringify, type Options } from 'csv-stringify/sync';

// Every CSV the product writes goes through writeCsv, so no cell can start a spreadsheet formula
// (CSV injection, OWASP): a text cell that starts with = + - @, a tab or a carriage return gets a
// single quote in front, which spreadsheets show as text. Numbers are written as numbers, never
// quoted: -3 is a number, not a formula. Reading our own files back (import hospices) removes that
// one quote again, so an exported file imports to the same values.

/** Text that a spreadsheet would read as a formula, also after quotes we put in front before. */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** A text cell as written: with a leading quote when it would otherwise start a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A cell as read from a file we wrote: without the one quote neutraliseCell added. The two are
 * exact inverses, so a name that itself starts with a quote and "=" survives the round trip too.
 */
export function restoreCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** Records as CSV, every text cell neutralised (numbers and booleans are not text). */
export function writeCsv(records: unknown[], options: Options = {}): string {
  return stringify(records, {
    ...options,
    cast: { ...options.cast, string: (value) => neutraliseCell(value) },
  });
}
