import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, MonthlyReturnTable } from '../store/schema';
import type { MonthlyReturn, MonthlyReturnBody, ReturnDifference } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { dutchDate } from '../dates';
import type { WriteContext } from '../registry/hospices.repository';
import { differencesFor } from './return-differences';
import {
  RETURN_FIELDS,
  checkReturn,
  chunks,
  loadRegistry,
  previousMonth,
  type ReturnField,
  type ReturnInput,
} from './return-rules';
import { appendAudit, regionOfHospice, type AuditContext } from '../accounts/audit.repository';

// Monthly aggregate returns, for hospices that keep their own records: the same monthly quantities
// the events give, sent once a month by API or CSV. A return that equals the current one changes
// nothing (so a file can be sent twice); a different one supersedes it, and the earlier one stays
// as history. Where the hospice also registers movements, the return is compared with them.

type Db = Kysely<Database> | Transaction<Database>;

export interface ReturnsSummary {
  rows: number;
  created: number;
  superseded: number;
  unchanged: number;
  returns: MonthlyReturn[];
  differences: ReturnDifference[];
  warnings: Issue[];
}

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
    await lockHospices(trx, inputs);
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
      const { outcome, before, stored } = await storeReturn(trx, hospiceId, input, source, ctx);
      result[outcome] += 1;
      result.returns.push(stored);
      if (outcome === 'unchanged') {
        continue;
      }
      const change = changes.get(hospiceId) ?? { before: [], after: [] };
      if (before) {
        change.before.push(before);
      }
      change.after.push(stored);
      changes.set(hospiceId, change);
    }
    if (options.audit) {
      await auditChanges(trx, options.audit, changes, ctx);
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

/**
 * Two submissions for one hospice and month wait for each other here, so the second finds the
 * first's return (unchanged or superseded) instead of colliding on the unique index. Sorted, so two
 * files naming the same hospices cannot wait for each other the other way round.
 */
async function lockHospices(trx: Transaction<Database>, inputs: ReturnInput[]): Promise<void> {
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
}

/** Stores one month's return unless it equals the current one, which it otherwise supersedes. */
async function storeReturn(
  trx: Transaction<Database>,
  hospiceId: string,
  input: ReturnInput,
  source: 'api' | 'csv',
  ctx: WriteContext,
): Promise<{
  outcome: 'created' | 'superseded' | 'unchanged';
  before: MonthlyReturn | undefined;
  stored: MonthlyReturn;
}> {
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
    return { outcome: 'unchanged', before: undefined, stored: toMonthlyReturn(current) };
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
  if (!current) {
    return { outcome: 'created', before: undefined, stored: toMonthlyReturn(row) };
  }
  await trx
    .updateTable('monthly_return')
    .set({ superseded_by: row.id })
    .where('id', '=', current.id)
    .execute();
  return { outcome: 'superseded', before: toMonthlyReturn(current), stored: toMonthlyReturn(row) };
}

/** One entry per hospice, filed under its region, so its editors and its regisseur see it. */
async function auditChanges(
  trx: Transaction<Database>,
  audit: AuditContext,
  changes: ReadonlyMap<string, { before: MonthlyReturn[]; after: MonthlyReturn[] }>,
  ctx: WriteContext,
): Promise<void> {
  for (const [hospiceId, change] of changes) {
    await appendAudit(trx, {
      ...audit,
      hospiceId,
      regionCode: await regionOfHospice(trx, hospiceId),
      at: ctx.now.toISOString(),
      before: change.before.length > 0 ? { returns: change.before } : null,
      after: { returns: change.after },
    });
  }
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
