import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, MonthlyReturnTable } from '../store/schema';
import type {
  CodedMessage,
  MessageCode,
  MonthlyReturn,
  MonthlyReturnBody,
  ReturnDifference,
} from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { addDays, dutchDate } from '../dates';
import type { WriteContext } from '../registry/hospices.repository';
import { appendAudit, regionOfHospice, type AuditContext } from '../accounts/audit.repository';

// Monthly aggregate returns, for hospices that keep their own records: the same monthly quantities
// the events give, sent once a month by API or CSV. A return that equals the current one changes
// nothing (so a file can be sent twice); a different one supersedes it, and the earlier one stays
// as history. Where the hospice also registers movements, the return is compared with them.

type Db = Kysely<Database> | Transaction<Database>;

export interface ReturnInput extends MonthlyReturnBody {
  /** A hospice id, or (in a CSV) the registry's `ref` of the hospice. */
  hospice: string;
  /** YYYY-MM */
  month: string;
  /** Line in the uploaded file, for messages. */
  line?: number;
}

export interface ReturnsSummary {
  rows: number;
  created: number;
  superseded: number;
  unchanged: number;
  returns: MonthlyReturn[];
  differences: ReturnDifference[];
  warnings: Issue[];
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
type ReturnField = keyof typeof RETURN_FIELDS;

export function toMonthlyReturn(row: Selectable<MonthlyReturnTable>): MonthlyReturn {
  return {
    id: row.id,
    hospiceId: row.hospice_id,
    month: row.month.slice(0, 7),
    occupiedStart: row.occupied_start,
    admissions: row.admissions,
    departuresDied: row.departures_died,
    departuresDischargedHome: row.departures_discharged_home,
    departuresTransferred: row.departures_transferred,
    occupiedEnd: row.occupied_end,
    bedDays: row.bed_days,
    refusals: row.refusals,
    waitingListEnd: row.waiting_list_end,
    lengthOfStayDaysTotal: row.length_of_stay_days_total,
    source: row.source,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    supersededAt: row.superseded_at,
  };
}

export function monthBounds(month: string): { start: string; end: string; days: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { start: `${month}-01`, end, days: Number(end.slice(8, 10)) };
}

const previousMonth = (month: string) => addDays(`${month}-01`, -1).slice(0, 7);

const departuresOf = (r: MonthlyReturnBody) =>
  r.departuresDied + r.departuresDischargedHome + r.departuresTransferred;

interface VersionSpan {
  valid_from: string;
  valid_to: string | null;
  licensed_beds: number;
  opened_on: string | null;
  closed_on: string | null;
}

/** What the checks need of the registry, read for all rows of a submission at once. */
interface Registry {
  /** Hospice id by the key a row names (id or `ref`). */
  idOf: Map<string, string>;
  versions: Map<string, VersionSpan[]>;
}

/** Keys per query: well under PostgreSQL's limit of parameters per statement. */
const KEYS_PER_QUERY = 1000;

function chunks<T>(items: T[]): T[][] {
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
async function loadRegistry(db: Db, inputs: ReturnInput[]): Promise<Registry> {
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
function checkReturn(
  versions: VersionSpan[],
  input: ReturnInput,
  today: string,
  name: (field: ReturnField | 'month') => string,
): { errors: Issue[]; warnings: Issue[] } {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const at = (
    field: ReturnField | 'month',
    message: string,
    code: MessageCode,
    params?: Record<string, string | number>,
  ): Issue => ({
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
  return { errors, warnings };
}

/** The figures of a return as stored (and as CSV columns), in the order of the CSV format. */
export const RETURN_VALUE_COLUMNS = [
  'occupied_start',
  'admissions',
  'departures_died',
  'departures_discharged_home',
  'departures_transferred',
  'occupied_end',
  'bed_days',
  'refusals',
  'waiting_list_end',
  'length_of_stay_days_total',
] as const;

function toColumns(input: MonthlyReturnBody) {
  return {
    occupied_start: input.occupiedStart,
    admissions: input.admissions,
    departures_died: input.departuresDied,
    departures_discharged_home: input.departuresDischargedHome,
    departures_transferred: input.departuresTransferred,
    occupied_end: input.occupiedEnd,
    bed_days: input.bedDays,
    refusals: input.refusals,
    waiting_list_end: input.waitingListEnd ?? null,
    length_of_stay_days_total: input.lengthOfStayDaysTotal ?? null,
  };
}

/** The month's figures derived from registered movements, or null when the hospice has none. */
export async function derivedMonth(
  db: Db,
  hospiceId: string,
  month: string,
  today: string,
): Promise<Partial<Record<ReturnField, number>> | null> {
  const { start, end } = monthBounds(month);
  const last = end < today ? end : today;
  const first = await db
    .selectFrom('stay')
    .select((eb) => eb.fn.min('admitted_on').as('first'))
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirst();
  const firstRefusal = await db
    .selectFrom('refusal')
    .select((eb) => eb.fn.min('refused_on').as('first'))
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirst();
  const firsts = [first?.first, firstRefusal?.first].filter((x): x is string => !!x).sort();
  if (firsts.length === 0 || firsts[0]!.slice(0, 7) > month) {
    return null;
  }
  const nextDay = addDays(last, 1);
  const stays = await db
    .selectFrom('stay')
    .select([
      sql<number>`count(*) filter (where admitted_on >= ${start}::date and admitted_on <= ${last}::date)`.as(
        'admissions',
      ),
      sql<number>`count(*) filter (where departure_kind = 'died' and departed_on >= ${start}::date and departed_on <= ${last}::date)`.as(
        'died',
      ),
      sql<number>`count(*) filter (where departure_kind = 'discharged-home' and departed_on >= ${start}::date and departed_on <= ${last}::date)`.as(
        'home',
      ),
      sql<number>`count(*) filter (where departure_kind = 'transferred' and departed_on >= ${start}::date and departed_on <= ${last}::date)`.as(
        'transferred',
      ),
      sql<number>`count(*) filter (where admitted_on < ${start}::date and (departed_on is null or departed_on >= ${start}::date))`.as(
        'occupied_start',
      ),
      sql<number>`count(*) filter (where admitted_on <= ${last}::date and (departed_on is null or departed_on > ${last}::date))`.as(
        'occupied_end',
      ),
      sql<number>`coalesce(sum(greatest(0, least(coalesce(departed_on, ${nextDay}::date), ${nextDay}::date) - greatest(admitted_on, ${start}::date))), 0)`.as(
        'bed_days',
      ),
      sql<number>`coalesce(sum(departed_on - admitted_on) filter (where departed_on >= ${start}::date and departed_on <= ${last}::date), 0)`.as(
        'los_total',
      ),
    ])
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirstOrThrow();
  const refusals = await db
    .selectFrom('refusal')
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('hospice_id', '=', hospiceId)
    .where('refused_on', '>=', start)
    .where('refused_on', '<=', last)
    .executeTakeFirst();
  return {
    occupiedStart: Number(stays.occupied_start),
    admissions: Number(stays.admissions),
    departuresDied: Number(stays.died),
    departuresDischargedHome: Number(stays.home),
    departuresTransferred: Number(stays.transferred),
    occupiedEnd: Number(stays.occupied_end),
    bedDays: Number(stays.bed_days),
    refusals: Number(refusals?.n ?? 0),
    lengthOfStayDaysTotal: Number(stays.los_total),
  };
}

async function differencesFor(
  db: Db,
  hospiceId: string,
  input: ReturnInput,
  today: string,
  name: (field: ReturnField) => string,
): Promise<ReturnDifference[]> {
  const derived = await derivedMonth(db, hospiceId, input.month, today);
  if (!derived) {
    return [];
  }
  const differences: ReturnDifference[] = [];
  for (const field of Object.keys(derived) as ReturnField[]) {
    const returned = input[field];
    const value = derived[field]!;
    if (returned !== undefined && returned !== null && returned !== value) {
      differences.push({
        hospiceId,
        month: input.month,
        field: name(field),
        returned,
        derived: value,
        ...(input.line === undefined ? {} : { line: input.line }),
      });
    }
  }
  return differences;
}

/** Rows checked between two turns of the event loop, so a large file does not stall the server. */
export const ROWS_PER_TURN = 500;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

type FieldName = (field: ReturnField | 'month') => string;

/**
 * Checks every row against the registry: the hospice exists and the caller may write for it (the
 * first row that it may not refuses the whole submission, 403), one return per hospice and month,
 * each return on its own (checkReturn), and consecutive months that join. Linear in the rows, with
 * a turn of the event loop now and then.
 */
async function checkAll(
  db: Db,
  inputs: ReturnInput[],
  ctx: WriteContext,
  name: FieldName,
  priorErrors: Issue[],
): Promise<{ resolved: Resolved[]; errors: Issue[]; warnings: Issue[] }> {
  const today = dutchDate(ctx.now);
  const registry = await loadRegistry(db, inputs);
  const allowed = new Map<string, boolean>();
  if (ctx.mayWrite) {
    for (const hospiceId of new Set(registry.idOf.values())) {
      allowed.set(hospiceId, await ctx.mayWrite(hospiceId, db));
    }
  }
  const errors: Issue[] = [...priorErrors];
  const warnings: Issue[] = [];
  const resolved: Resolved[] = [];
  const seen = new Map<string, ReturnInput>();
  for (const [i, input] of inputs.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) {
      await yieldToEventLoop();
    }
    const where = input.line === undefined ? {} : { line: input.line };
    const hospiceId = registry.idOf.get(input.hospice);
    if (!hospiceId) {
      errors.push({
        ...where,
        field: 'hospice',
        message: `unknown hospice ${input.hospice}`,
        code: 'return.unknownHospice',
        params: { hospice: input.hospice },
      });
      continue;
    }
    if (allowed.get(hospiceId) === false) {
      throw new AppError('FORBIDDEN', `you may not submit returns for hospice ${input.hospice}`, [
        {
          ...where,
          field: 'hospice',
          message: `not allowed for hospice ${input.hospice}`,
          code: 'return.hospiceNotAllowed',
          params: { hospice: input.hospice },
        },
      ]);
    }
    const key = `${hospiceId}|${input.month}`;
    const earlier = seen.get(key);
    if (earlier) {
      errors.push({
        ...where,
        field: 'month',
        message: `a second return for ${input.month}${earlier.line === undefined ? '' : ` (first on line ${earlier.line})`}`,
        code: 'return.duplicateMonth',
        params: { month: input.month },
      });
      continue;
    }
    seen.set(key, input);
    const checked = checkReturn(registry.versions.get(hospiceId) ?? [], input, today, name);
    errors.push(...checked.errors);
    warnings.push(...checked.warnings);
    resolved.push({ hospiceId, input });
  }
  // Consecutive months in one submission must join: the end of one is the start of the next.
  for (const { hospiceId, input } of resolved) {
    const before = seen.get(`${hospiceId}|${previousMonth(input.month)}`);
    if (before && before.occupiedEnd !== input.occupiedStart) {
      errors.push({
        ...(input.line === undefined ? {} : { line: input.line }),
        field: name('occupiedStart'),
        message: `must equal ${before.occupiedEnd}, the occupied beds at the end of ${before.month}${before.line === undefined ? '' : ` (line ${before.line})`}`,
        code: 'return.startNotPreviousEnd',
        params: { expected: before.occupiedEnd, month: before.month },
      });
    }
  }
  if (errors.length > 0) {
    errors.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new AppError(
      'UNPROCESSABLE',
      `the returns were not stored: ${errors.length} problem(s)`,
      errors,
    );
  }
  return { resolved, errors, warnings };
}

interface Resolved {
  hospiceId: string;
  input: ReturnInput;
}

/**
 * Stores returns all-or-nothing: every row is checked first and any error rejects the whole
 * submission (UNPROCESSABLE listing every failing row and field). Rows equal to the current return
 * are left alone; changed rows supersede it.
 *
 * The rows are checked twice: first without a transaction, so a file full of mistakes is answered
 * without ever holding the store (the embedded store has one session for every request); then
 * again inside the write's transaction, after locking the hospices, so that what is stored was
 * checked against the registry as it is when stored. Every query of the write runs in that
 * transaction, the caller's scope check (`mayWrite`) and the audit entries included. The comparison
 * with registered movements is read after the commit.
 */
export async function submitReturns(
  db: Kysely<Database>,
  inputs: ReturnInput[],
  source: 'api' | 'csv',
  ctx: WriteContext,
  options: {
    /** Problems already found (e.g. unparseable CSV rows), reported together with the rest. */
    priorErrors?: Issue[];
    /** When given, an audit entry per hospice whose returns changed, in the same transaction. */
    audit?: AuditContext;
  } = {},
): Promise<ReturnsSummary> {
  const today = dutchDate(ctx.now);
  const name: FieldName =
    source === 'csv'
      ? (field) => (field === 'month' ? 'month' : RETURN_FIELDS[field])
      : (field) => field;
  await checkAll(db, inputs, ctx, name, options.priorErrors ?? []);
  const { summary, resolved } = await db.transaction().execute(async (trx) => {
    // Two submissions for one hospice and month wait for each other here, so the second finds the
    // first's return (unchanged or superseded) instead of colliding on the unique index. Sorted,
    // so two files naming the same hospices cannot wait for each other the other way round.
    const hospiceKeys = [...new Set(inputs.map((i) => i.hospice))].sort();
    for (const part of chunks(hospiceKeys)) {
      await trx
        .selectFrom('hospice')
        .select('id')
        .where((eb) => eb.or([eb('id', 'in', part), eb('external_ref', 'in', part)]))
        .orderBy('id')
        .forNoKeyUpdate()
        .execute();
    }
    const { resolved, warnings } = await checkAll(trx, inputs, ctx, name, []);
    const result: ReturnsSummary = {
      rows: inputs.length,
      created: 0,
      superseded: 0,
      unchanged: 0,
      returns: [],
      differences: [],
      warnings,
    };
    const changes = new Map<string, { before: MonthlyReturn[]; after: MonthlyReturn[] }>();
    for (const { hospiceId, input } of resolved) {
      const monthStart = `${input.month}-01`;
      const current = await trx
        .selectFrom('monthly_return')
        .selectAll()
        .where('hospice_id', '=', hospiceId)
        .where('month', '=', monthStart)
        .where('superseded_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      const columns = toColumns(input);
      if (current && RETURN_VALUE_COLUMNS.every((c) => current[c] === columns[c])) {
        result.unchanged += 1;
        result.returns.push(toMonthlyReturn(current));
        continue;
      }
      if (current) {
        await trx
          .updateTable('monthly_return')
          .set({ superseded_at: ctx.now.toISOString() })
          .where('id', '=', current.id)
          .execute();
      }
      const row = await trx
        .insertInto('monthly_return')
        .values({
          hospice_id: hospiceId,
          month: monthStart,
          ...columns,
          source,
          recorded_at: ctx.now.toISOString(),
          recorded_by: ctx.actor,
          superseded_at: null,
          superseded_by: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (current) {
        await trx
          .updateTable('monthly_return')
          .set({ superseded_by: row.id })
          .where('id', '=', current.id)
          .execute();
        result.superseded += 1;
      } else {
        result.created += 1;
      }
      const stored = toMonthlyReturn(row);
      result.returns.push(stored);
      const change = changes.get(hospiceId) ?? { before: [], after: [] };
      if (current) {
        change.before.push(toMonthlyReturn(current));
      }
      change.after.push(stored);
      changes.set(hospiceId, change);
    }
    if (options.audit) {
      // One entry per hospice, filed under its region, so its editors and its regisseur see it.
      for (const [hospiceId, change] of changes) {
        await appendAudit(trx, {
          ...options.audit,
          hospiceId,
          regionCode: await regionOfHospice(trx, hospiceId),
          at: ctx.now.toISOString(),
          before: change.before.length > 0 ? { returns: change.before } : null,
          after: { returns: change.after },
        });
      }
    }
    return { summary: result, resolved };
  });
  for (const [i, { hospiceId, input }] of resolved.entries()) {
    if (i > 0 && i % ROWS_PER_TURN === 0) {
      await yieldToEventLoop();
    }
    summary.differences.push(...(await differencesFor(db, hospiceId, input, today, name)));
  }
  return summary;
}

/** Current returns of a facility, newest month first. */
export async function listReturns(db: Db, hospiceId: string): Promise<MonthlyReturn[]> {
  const rows = await db
    .selectFrom('monthly_return')
    .selectAll()
    .where('hospice_id', '=', hospiceId)
    .where('superseded_at', 'is', null)
    .orderBy('month', 'desc')
    .execute();
  return rows.map(toMonthlyReturn);
}

/** One month: the current return, every earlier version, and the comparison with the events. */
export async function getReturnMonth(
  db: Db,
  hospiceId: string,
  month: string,
  now: Date,
): Promise<{
  current: MonthlyReturn | null;
  history: MonthlyReturn[];
  differences: ReturnDifference[];
}> {
  const rows = await db
    .selectFrom('monthly_return')
    .selectAll()
    .where('hospice_id', '=', hospiceId)
    .where('month', '=', `${month}-01`)
    .orderBy('id', 'desc')
    .execute();
  if (rows.length === 0) {
    throw new AppError('NOT_FOUND', `no return of hospice ${hospiceId} for ${month}`);
  }
  const all = rows.map(toMonthlyReturn);
  const current = all.find((r) => r.supersededAt === null) ?? null;
  const differences = current
    ? await differencesFor(
        db,
        hospiceId,
        { ...current, hospice: hospiceId, month },
        dutchDate(now),
        (f) => f,
      )
    : [];
  return { current, history: all.filter((r) => r.supersededAt !== null), differences };
}
