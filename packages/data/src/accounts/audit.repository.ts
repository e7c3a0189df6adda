import { sql, type Kysely, type Transaction } from 'kysely';
import type { AuditEntry } from '@palliamonitor/contracts';
import { writeCsv } from '../csv-cells';
import type { Database } from '../store/schema';
import { pageWithTotal } from '../store/page';

/**
 * Who makes a write and through which request. A repository given one writes the audit entry in the
 * same transaction as the change, so a change is never committed without its entry.
 */
export type AuditContext = Omit<AuditEntry, 'at' | 'before' | 'after'>;

/**
 * A string PostgreSQL stores as text and as jsonb: JavaScript strings may hold lone surrogates
 * (`"\ud800"`) and NUL, which jsonb refuses ("invalid input syntax for type json") and text cannot
 * hold. Both become U+FFFD, so the log never fails to store what the store itself accepted.
 */
export function storableText(text: string): string {
  return text.replace(LONE_SURROGATE_OR_NUL, '\uFFFD');
}
const LONE_SURROGATE_OR_NUL =
  // eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;

/**
 * Whether JSON text may hold an unstorable string: JSON.stringify writes a lone surrogate and NUL
 * as the escapes \udXXX and \u0000 (a pair is written as it is), so text without such an escape
 * holds none. Text that merely looks like one (an escaped backslash before "u0000") takes the
 * careful path, which is right either way.
 */
const MAY_BE_UNSTORABLE = /\\u(?:0000|d[89a-f])/i;

/** JSON of any value, with every string and key storable (see storableText). */
export function auditJson(value: unknown): string | null {
  if (value === undefined) {
    return null;
  }
  // The common case, without a replacer called for every value. A bigint makes JSON.stringify
  // throw: that value takes the careful path, which writes it as its digits.
  let plain: string | undefined;
  try {
    plain = JSON.stringify(value) as string | undefined;
  } catch {
    plain = undefined;
  }
  if (plain !== undefined && !MAY_BE_UNSTORABLE.test(plain)) {
    return plain;
  }
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string') {
      return storableText(v);
    }
    if (typeof v === 'bigint') {
      return v.toString();
    }
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const entries = Object.entries(v);
      if (entries.some(([k]) => storableText(k) !== k)) {
        return Object.fromEntries(entries.map(([k, x]) => [storableText(k), x]));
      }
    }
    return v;
  }) as string | undefined;
  return text ?? null;
}

/**
 * The entry of a batch load (reference data, demo history) at `at`: it says what was loaded, not
 * every row. A load run without an audit context (tests, tools) logs nothing.
 */
export async function appendLoadAudit(
  db: Kysely<Database> | Transaction<Database>,
  audit: AuditContext | undefined,
  at: Date,
  loaded: Record<string, unknown>,
): Promise<void> {
  if (audit) {
    await appendAudit(db, { ...audit, at: at.toISOString(), before: null, after: loaded });
  }
}

/** Appends one entry. There is no update or delete: the table refuses both. */
export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor: storableText(entry.actor),
      role: storableText(entry.role),
      method: storableText(entry.method),
      path: storableText(entry.path),
      status: entry.status,
      hospice_id: entry.hospiceId,
      region_code: entry.regionCode,
      before: auditJson(entry.before),
      after: auditJson(entry.after),
    })
    .execute();
}

/**
 * Runs a change in one transaction with its audit entry: `change` makes it and says what it
 * replaced and what it stored (`after` undefined: nothing changed, so no entry); without an audit
 * context (internal callers) it runs alone.
 */
export async function withAudit<T>(
  db: Kysely<Database>,
  audit: AuditContext | undefined,
  now: Date,
  change: (trx: Transaction<Database>) => Promise<{ result: T; before: unknown; after: unknown }>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const { result, before, after } = await change(trx);
    if (audit && after !== undefined) {
      await appendAudit(trx, { ...audit, at: now.toISOString(), before, after });
    }
    return result;
  });
}

/** The zorgkantoorregio a hospice belongs to now (for filing audit entries per region). */
export async function regionOfHospice(
  db: Kysely<Database> | Transaction<Database>,
  hospiceId: string,
): Promise<string | null> {
  const { rows } = await sql<{ code: string }>`
    select m.parent_code as code
    from hospice_version v
    join region_membership m on m.gemeente_code = v.gemeente_code and m.parent_type = 'zorgkantoorregio'
    where v.hospice_id = ${hospiceId} and v.valid_to is null and m.valid_to is null
    limit 1`.execute(db);
  return rows[0]?.code ?? null;
}

export async function listAudit(
  db: Kysely<Database>,
  query: { regions?: string[] | undefined; limit: number; offset: number },
): Promise<{ items: Array<AuditEntry & { id: number }>; total: number }> {
  let base = db.selectFrom('audit_log');
  if (query.regions) {
    base = base.where('region_code', 'in', query.regions.length > 0 ? query.regions : ['']);
  }
  const { rows, total } = await pageWithTotal(
    base,
    (q) => q.selectAll().orderBy('id', 'desc'),
    query,
  );
  const events = await eventStates(
    db,
    rows.flatMap((r) => (r.event_id === null ? [] : [r.event_id])),
  );
  return {
    items: rows.map((r) => {
      const event = r.event_id === null ? undefined : events.get(r.event_id);
      return {
        id: r.id,
        at: r.at,
        actor: r.actor,
        role: r.role,
        method: r.method,
        path: r.path,
        status: r.status,
        hospiceId: r.hospice_id,
        regionCode: r.region_code,
        before: event ? event.before : r.before,
        after: event ? event.after : r.after,
      };
    }),
    total,
  };
}

/**
 * The state before and after each of these bed-status events, as an audit entry shows them: an
 * entry of the group write refers to its event (migration 0017), and the state before it is the
 * facility's previous event in the log (null for its first).
 */
async function eventStates(
  db: Kysely<Database>,
  eventIds: number[],
): Promise<Map<number, { before: unknown; after: unknown }>> {
  if (eventIds.length === 0) {
    return new Map();
  }
  const view = (e: string) =>
    sql.raw(`bed_status_audit_view(${e}.id, ${e}.kind, ${e}.beds_open, ${e}.beds_occupied,
      ${e}.beds_closed, ${e}.closed_reason, ${e}.admission_stop, ${e}.recorded_at,
      ${e}.recorded_by)`);
  const { rows } = await sql<{ id: number; before: unknown; after: unknown }>`
    select e.id, ${view('e')} as after,
      (select ${view('p')} from bed_status_event p
        where p.hospice_id = e.hospice_id and p.id < e.id order by p.id desc limit 1) as before
    from bed_status_event e
    where e.id in (${sql.join(eventIds)})`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), { before: r.before, after: r.after }]));
}

export function auditToCsv(items: AuditEntry[]): string {
  return writeCsv(
    items.map((i) => ({
      at: i.at,
      actor: i.actor,
      role: i.role,
      method: i.method,
      path: i.path,
      status: i.status,
      hospice_id: i.hospiceId ?? '',
      region_code: i.regionCode ?? '',
      before: i.before === null || i.before === undefined ? '' : JSON.stringify(i.before),
      after: i.after === null || i.after === undefined ? '' : JSON.stringify(i.after),
    })),
    {
      header: true,
      columns: [
        'at',
        'actor',
        'role',
        'method',
        'path',
        'status',
        'hospice_id',
        'region_code',
        'before',
        'after',
      ],
    },
  );
}
