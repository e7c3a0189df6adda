import { parse } from 'csv-parse/sync';
import { issue, type ImportIssue } from './issues';

export interface CsvRow {
  /** 1-based line where the record starts (the header is line 1 in a file without preamble). */
  line: number;
  values: string[];
}

export interface CsvTable {
  header: string[];
  headerLine: number;
  rows: CsvRow[];
}

/**
 * Reads delimited text into a header and rows of strings, with line numbers for messages.
 * Returns an issue instead of throwing on malformed quoting. A UTF-8 BOM is removed.
 */
export function readCsv(
  text: string,
  delimiter: string,
): { table: CsvTable | null; issues: ImportIssue[] } {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    return { table: null, issues: [issue('error', `not valid CSV: ${(error as Error).message}`)] };
  }
  const [first, ...rest] = parsed;
  if (first === undefined) {
    return { table: null, issues: [issue('error', 'file is empty')] };
  }
  return {
    table: {
      header: first.record.map((h) => h.trim()),
      headerLine: first.info.lines,
      rows: rest.map((r) => ({ line: r.info.lines, values: r.record })),
    },
    issues: [],
  };
}

/** Picks the delimiter used in the header line: `;` (CBS) when it has more of those than commas. */
export function guessDelimiter(text: string): ';' | ',' {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const count = (c: string): number => firstLine.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
