import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { AppError, type Issue } from '../errors';
import type { WriteContext } from '../registry/hospices.repository';
import type { AuditContext } from '../accounts/audit.repository';
import { decodeUtf8File, readCsvWithColumns } from '../importers/csv';
import { MonthPattern } from '@palliamonitor/contracts';
import {
  RETURN_VALUE_COLUMNS,
  ROWS_PER_TURN,
  submitReturns,
  yieldToEventLoop,
  type ReturnsSummary,
} from './returns.repository';
import { RETURN_FIELDS, type ReturnInput } from './return-rules';

// The CSV form of monthly returns (docs/data-collection.md): one row per hospice and month, comma
// or semicolon separated, header required. Unknown columns are refused: a file must not smuggle in
// anything about persons.

const OPTIONAL: readonly string[] = ['waiting_list_end', 'length_of_stay_days_total'];
export const RETURN_CSV_COLUMNS = ['hospice', 'month', ...RETURN_VALUE_COLUMNS];
const REQUIRED = RETURN_CSV_COLUMNS.filter((column) => !OPTIONAL.includes(column));

const COLUMN_TO_FIELD = Object.fromEntries(
  Object.entries(RETURN_FIELDS).map(([field, column]) => [column, field]),
) as Record<string, keyof typeof RETURN_FIELDS>;

const MONTH = new RegExp(MonthPattern);

/**
 * Parses a returns file; every problem comes back with its line and column. Gives the event loop
 * a turn now and then, so other requests are answered while a large file is read.
 */
export async function parseReturnsCsv(
  text: string,
): Promise<{ rows: ReturnInput[]; issues: Issue[] }> {
  const { table, header, issues: layout } = readCsvWithColumns(text, RETURN_CSV_COLUMNS, REQUIRED);
  if (!table) {
    return { rows: [], issues: layout };
  }
  const issues: Issue[] = [];
  const rows: ReturnInput[] = [];
  for (const [i, row] of table.rows.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) {
      await yieldToEventLoop();
    }
    const get = (column: string) => (row.values[header.indexOf(column)] ?? '').trim();
    const line = row.line;
    let ok = true;
    if (row.values.length > header.length) {
      issues.push({
        line,
        message: `has ${row.values.length} values for ${header.length} columns`,
        code: 'csv.cellCount',
        params: { cells: row.values.length, columns: header.length },
      });
      ok = false;
    }
    const hospice = get('hospice');
    if (hospice === '') {
      issues.push({
        line,
        field: 'hospice',
        message: 'is required (hospice id or ref)',
        code: 'csv.required',
      });
      ok = false;
    }
    const month = get('month');
    if (!MONTH.test(month)) {
      issues.push({
        line,
        field: 'month',
        message: `must be a month YYYY-MM, got "${month}"`,
        code: 'csv.notAMonth',
        params: { value: month },
      });
      ok = false;
    }
    const values: Record<string, number | null> = {};
    for (const column of RETURN_VALUE_COLUMNS) {
      const text = get(column);
      if (text === '' && OPTIONAL.includes(column)) {
        values[COLUMN_TO_FIELD[column]!] = null;
        continue;
      }
      if (!/^\d+$/.test(text) || Number(text) > 1_000_000) {
        issues.push({
          line,
          field: column,
          message: text === '' ? 'is required' : `must be a whole number 0 or more, got "${text}"`,
          ...(text === ''
            ? { code: 'csv.required' }
            : { code: 'csv.notACount', params: { value: text } }),
        });
        ok = false;
        continue;
      }
      values[COLUMN_TO_FIELD[column]!] = Number(text);
    }
    if (ok) {
      rows.push({
        hospice,
        month,
        line,
        occupiedStart: values['occupiedStart']!,
        admissions: values['admissions']!,
        departuresDied: values['departuresDied']!,
        departuresDischargedHome: values['departuresDischargedHome']!,
        departuresTransferred: values['departuresTransferred']!,
        occupiedEnd: values['occupiedEnd']!,
        bedDays: values['bedDays']!,
        refusals: values['refusals']!,
        waitingListEnd: values['waitingListEnd'] ?? null,
        lengthOfStayDaysTotal: values['lengthOfStayDaysTotal'] ?? null,
      });
    }
  }
  return { rows, issues };
}

/** Parses and stores a returns file, all rows or none; every problem of the file at once. */
export async function submitReturnsCsv(
  db: Kysely<Database>,
  /** The file's bytes (refused unless UTF-8), or text already decoded. */
  file: string | Uint8Array,
  ctx: WriteContext,
  options: { audit?: AuditContext } = {},
): Promise<ReturnsSummary> {
  const { rows, issues } = await parseReturnsCsv(decodeUtf8File(file));
  if (rows.length === 0 && issues.length > 0) {
    throw new AppError('UNPROCESSABLE', 'the returns file was not stored', issues);
  }
  return submitReturns(db, rows, 'csv', ctx, { priorErrors: issues, ...options });
}
