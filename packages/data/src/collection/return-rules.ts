import type { Kysely, Transaction } from 'kysely';
import type { CodedMessage, MessageCode, MonthlyReturnBody } from '@palliamonitor/contracts';
import type { Database } from '../store/schema';
import type { Issue } from '../errors';
import { addDays } from '../dates';

// The rules a monthly return is checked against on its own (returns.repository.ts checks the
// months against each other and stores them), and the registry facts they need.

type Db = Kysely<Database> | Transaction<Database>;

export interface ReturnInput extends MonthlyReturnBody {
  /** A hospice id, or (in a CSV) the registry's `ref` of the hospice. */
  hospice: string;
  /** YYYY-MM */
  month: string;
  /** Line in the uploaded file, for messages. */
  line?: number;
}

/** API field name → CSV column name, so messages name what the sender wrote. */
export const RETURN_FIELDS = {
  occupiedStart: 'occupied_start',
  admissions: 'admissions',
  departuresDied: 'departures_died',
  departuresDischargedHome: 'departures_discharged_home',
  departuresTransferred: 'departures_transferred',
  occupiedEnd: 'occupied_end',
  bedDays: 'bed_days',
  refusals: 'refusals',
  waitingListEnd: 'waiting_list_end',
  lengthOfStayDaysTotal: 'length_of_stay_days_total',
} as const;
export type ReturnField = keyof typeof RETURN_FIELDS;

export function monthBounds(month: string): { start: string; end: string; days: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { start: `${month}-01`, end, days: Number(end.slice(8, 10)) };
}

export const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

export const departuresOf = (r: MonthlyReturnBody) =>
  r.departuresDied + r.departuresDischargedHome + r.departuresTransferred;

export interface VersionSpan {
  valid_from: string;
  valid_to: string | null;
  licensed_beds: number;
  opened_on: string | null;
  closed_on: string | null;
}

/** What the checks need of the registry, read for all rows of a submission at once. */
export interface Registry {
  /** Hospice id by the key a row names (id or `ref`). */
  idOf: Map<string, string>;
  versions: Map<string, VersionSpan[]>;
}

/** Keys per query: well under PostgreSQL's limit of parameters per statement. */
const KEYS_PER_QUERY = 1000;

export function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += KEYS_PER_QUERY) {
    result.push(items.slice(i, i + KEYS_PER_QUERY));
  }
  return result;
}

/**
 * Finds the hospice of every row (by id, or by the registry's `ref`) and the registry versions of
 * those hospices, in a few queries however long the file: a query per row kept the store busy for
 * seconds on a large file.
 */
export async function loadRegistry(db: Db, inputs: ReturnInput[]): Promise<Registry> {
  const keys = [...new Set(inputs.map((i) => i.hospice))];
  const idOf = new Map<string, string>();
  for (const part of chunks(keys)) {
    const rows = await db
      .selectFrom('hospice')
      .select(['id', 'external_ref'])
      .where((eb) => eb.or([eb('id', 'in', part), eb('external_ref', 'in', part)]))
      .execute();
    for (const row of rows) {
      idOf.set(row.id, row.id);
      if (row.external_ref !== null) {
        idOf.set(row.external_ref, row.id);
      }
    }
  }
  const versions = new Map<string, VersionSpan[]>();
  for (const part of chunks([...new Set(idOf.values())])) {
    const rows = await db
      .selectFrom('hospice_version')
      .select(['hospice_id', 'valid_from', 'valid_to', 'licensed_beds', 'opened_on', 'closed_on'])
      .where('hospice_id', 'in', part)
      .execute();
    for (const { hospice_id, ...span } of rows) {
      versions.set(hospice_id, [...(versions.get(hospice_id) ?? []), span]);
    }
  }
  return { idOf, versions };
}

/** Licensed beds per registered, open day of the month (up to today). */
function licensedDays(versions: VersionSpan[], month: string, today: string): number[] {
  const { start, end } = monthBounds(month);
  const last = end < today ? end : today;
  const beds: number[] = [];
  for (let d = start; d <= last; d = addDays(d, 1)) {
    const v = versions.find(
      (x) =>
        x.valid_from <= d &&
        (x.valid_to === null || x.valid_to > d) &&
        (x.opened_on === null || x.opened_on <= d) &&
        (x.closed_on === null || x.closed_on > d),
    );
    if (v) {
      beds.push(v.licensed_beds);
    }
  }
  return beds;
}

/**
 * Checks one return on its own: flow balance (occupied at the start + admissions − departures =
 * occupied at the end), occupied ≤ licensed beds, bed-days ≤ licensed bed-days, no future month.
 * `name` turns a field into what the sender wrote (API field or CSV column).
 */
export function checkReturn(
  versions: VersionSpan[],
  input: ReturnInput,
  today: string,
  name: (field: ReturnField | 'month') => string,
): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const at: At = (field, message, code, params) => ({
    field: name(field),
    message,
    // The code is checked against the registry; its parameters are given beside it.
    ...({ code, ...(params === undefined ? {} : { params }) } as CodedMessage),
    ...(input.line === undefined ? {} : { line: input.line }),
  });
  const thisMonth = today.slice(0, 7);
  if (input.month > thisMonth) {
    errors.push(
      at(
        'month',
        `must not be in the future (this month is ${thisMonth}), got ${input.month}`,
        'return.monthInFuture',
        { thisMonth, month: input.month },
      ),
    );
    return { errors, warnings };
  }
  if (input.month === thisMonth) {
    warnings.push({
      ...at('month', `${input.month} is not over yet`, 'return.monthNotOver', {
        month: input.month,
      }),
      severity: 'warning',
    });
  }
  const beds = licensedDays(versions, input.month, today);
  if (beds.length === 0) {
    errors.push(
      at(
        'month',
        `the hospice was not registered and open in ${input.month}`,
        'return.notOpenInMonth',
        {
          month: input.month,
        },
      ),
    );
    return { errors, warnings };
  }
  checkFigures(input, beds, at, errors, warnings);
  return { errors, warnings };
}

type At = (
  field: ReturnField | 'month',
  message: string,
  code: MessageCode,
  params?: Record<string, string | number>,
) => Issue;

/** The figures of a return against each other and the licensed beds of its month. */
function checkFigures(
  input: ReturnInput,
  beds: number[],
  at: At,
  errors: Issue[],
  warnings: Issue[],
): void {
  const licensed = Math.max(...beds);
  for (const field of ['occupiedStart', 'occupiedEnd'] as const) {
    if (input[field] > licensed) {
      errors.push(
        at(
          field,
          `must not exceed the licensed beds (${licensed}), got ${input[field]}`,
          'return.aboveLicensedBeds',
          { licensed, value: input[field] },
        ),
      );
    }
  }
  const departures = departuresOf(input);
  const expectedEnd = input.occupiedStart + input.admissions - departures;
  if (expectedEnd !== input.occupiedEnd) {
    errors.push(
      at(
        'occupiedEnd',
        `flow does not balance: ${input.occupiedStart} at the start + ${input.admissions} admissions − ${departures} departures = ${expectedEnd}, not ${input.occupiedEnd}`,
        'return.flowUnbalanced',
        {
          start: input.occupiedStart,
          admissions: input.admissions,
          departures,
          expected: expectedEnd,
          end: input.occupiedEnd,
        },
      ),
    );
  }
  const available = beds.reduce((s, b) => s + b, 0);
  if (input.bedDays > available) {
    errors.push(
      at(
        'bedDays',
        `must not exceed the licensed bed-days of the month (${available}), got ${input.bedDays}`,
        'return.aboveLicensedBedDays',
        { available, value: input.bedDays },
      ),
    );
  }
  const losTotal = input.lengthOfStayDaysTotal ?? null;
  if (losTotal !== null && departures === 0 && losTotal > 0) {
    errors.push(
      at(
        'lengthOfStayDaysTotal',
        'must be 0 or empty when nobody departed',
        'return.staysWithoutDepartures',
      ),
    );
  } else if (losTotal !== null && departures > 0 && losTotal / departures > 365) {
    warnings.push({
      ...at(
        'lengthOfStayDaysTotal',
        `a mean stay of ${Math.round(losTotal / departures)} days is unusually long (over 365)`,
        'return.meanStayUnusuallyLong',
        { days: Math.round(losTotal / departures), limit: 365 },
      ),
      severity: 'warning',
    });
  }
  if (input.refusals > 100) {
    warnings.push({
      ...at(
        'refusals',
        `${input.refusals} refusals in one month is unusually many`,
        'return.refusalsUnusuallyMany',
        { count: input.refusals },
      ),
      severity: 'warning',
    });
  }
}
