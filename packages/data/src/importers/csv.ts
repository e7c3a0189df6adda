import { parse } from 'csv-parse/sync';
import { issue, type ImportIssue } from './issues';
import { AppError, type Issue } from '../errors';
import { textIssue } from './text';

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
/** A problem with one line or column of a file: an Issue (its severity is always an error). */
export type FileIssue = Issue;

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
  // A NUL in a cell cannot be stored (text columns refuse it): refused with line and column.
  for (const row of issues.length === 0 ? table.rows : []) {
    row.values.forEach((value, i) => {
      const found = textIssue(value, header[i] ?? `column ${i + 1}`, row.line);
      if (found) {
        issues.push(found);
      }
    });
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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * An uploaded file as text, refusing anything that is not UTF-8 (a file saved as Latin-1 or
 * Windows-1252, as spreadsheet programs do by default, would otherwise come in with U+FFFD in
 * place of every ë). The message names the first line that is not UTF-8 and says how to save it.
 * Text that is already a string passes as it is.
 */
export function decodeUtf8File(file: string | Uint8Array): string {
  if (typeof file === 'string') {
    return file;
  }
  try {
    return strictUtf8.decode(file);
  } catch {
    // A newline byte is never part of a multi-byte UTF-8 sequence, so lines decode on their own.
    let start = 0;
    for (let line = 1; ; line += 1) {
      const end = file.indexOf(0x0a, start);
      const bytes = file.subarray(start, end === -1 ? file.length : end);
      try {
        strictUtf8.decode(bytes);
      } catch {
        throw new AppError('UNPROCESSABLE', `line ${line} is not UTF-8; save the file as UTF-8`, [
          {
            line,
            message:
              'is not UTF-8 text (Latin-1 or Windows-1252?); save the file as "CSV UTF-8" and send it again',
            code: 'csv.notUtf8',
          },
        ]);
      }
      if (end === -1) {
        // Only reached when the decoder and this scan disagree; say so without a line.
        throw new AppError('UNPROCESSABLE', 'the file is not UTF-8; save the file as UTF-8', [
          { message: 'is not UTF-8 text; save the file as "CSV UTF-8"', code: 'csv.notUtf8' },
        ]);
      }
      start = end + 1;
    }
  }
}
