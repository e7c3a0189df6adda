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

/** A problem with a file of a known layout: on a line, in a column (for the API's invalidParams). */
export interface FileIssue {
  line?: number;
  field?: string;
  message: string;
  /** The message as a stable code with its values (see Issue). */
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * Reads a CSV file with a header of known columns (comma or semicolon, case-insensitive names):
 * the table and its lower-cased header, or every problem with the layout — unreadable CSV,
 * missing required columns, unknown columns (which could carry data we must not hold), no rows.
 */
export function readCsvWithColumns(
  text: string,
  columns: readonly string[],
  required: readonly string[],
):
  | { table: CsvTable; header: string[]; issues: [] }
  | { table: null; header: null; issues: FileIssue[] } {
  const { table, issues: csvIssues } = readCsv(text, guessDelimiter(text));
  if (!table) {
    return {
      table: null,
      header: null,
      issues: csvIssues.map((i) => ({
        message: i.message,
        ...(i.line === undefined ? {} : { line: i.line }),
      })),
    };
  }
  const header = table.header.map((h) => h.toLowerCase());
  const issues: FileIssue[] = [];
  for (const column of required) {
    if (!header.includes(column)) {
      issues.push({
        line: table.headerLine,
        field: column,
        message: 'required column is missing',
        code: 'csv.columnMissing',
      });
    }
  }
  for (const column of header) {
    if (!columns.includes(column)) {
      issues.push({
        line: table.headerLine,
        field: column,
        message: `unknown column; the columns are ${columns.join(', ')}`,
        code: 'csv.unknownColumn',
        params: { columns: columns.join(', ') },
      });
    }
  }
  if (issues.length === 0 && table.rows.length === 0) {
    issues.push({
      line: table.headerLine + 1,
      message: 'the file has a header but no rows',
      code: 'csv.noRows',
    });
  }
  return issues.length > 0 ? { table: null, header: null, issues } : { table, header, issues: [] };
}
