import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import type { BedStatusEventTable, Database } from '../store/schema';
import { auditJson, type AuditContext } from '../accounts/audit.repository';
import type { EventRow } from './bed-status-reads';

// Group commit of the busiest write. Bed-status updates that arrive while a write is being
// committed wait for it and are then stored together: one statement (one transaction, one commit)
// for all of them, with an audit entry per update in that same statement. When nothing is being
// written, a group starts at the end of the current turn of the event loop, so that updates whose
// requests are handled in the same turn join it: on the embedded store the engine runs in this
// thread, so nothing could arrive while its write runs, and a group would never form; a lone
// update waits for nothing else. What the commit costs
// (on the embedded store a write to disk, on PostgreSQL a WAL flush and a round trip) is paid
// once per group instead of once per update, with the same durability: every update is
// committed before its caller hears of it.
//
// Each update is checked on its own: one the registry does not allow (not registered today, too
// few licensed beds) is simply not stored, and its caller takes the careful path, as a single
// write would. Should the statement fail as a whole, every update of the group is tried again
// alone, so that one bad update does not fail or lose the others.

/** The write locks (see bed-status.repository.ts): the shared horizon lock, then one per facility. */
export const BED_STATUS_LOCK = 7_340_201;
/** The class (first key) of the per-facility locks; the second key is a hash of the id. */
export const BED_STATUS_FACILITY_LOCK = 7_340_202;

/** Updates per statement: enough to take all that arrive meanwhile under a heavy load. */
const MAX_GROUP = 64;
/**
 * Groups written at once on a store of several sessions: PostgreSQL works on several statements at
 * a time (one per connection, on every core). The embedded store has one session, where a second
 * group would only wait for the first and take updates that could have joined it.
 */
const MAX_WRITING_CONCURRENT = 4;

/**
 * Whether facility `h` (the alias of the hospice in the statement) has registered any stay, and how
 * many of its guests are present now: a bed-status write compares its occupied beds with the
 * latter once stays are registered at all. Existence, not a count: a write must not cost more as
 * the facility's history grows (the present guests are bounded by its beds, and indexed). The
 * group write's function (migration 0017) asks the same, in the same words.
 */
export const hasStaysAtH = sql<boolean>`exists (select 1 from stay s where s.hospice_id = h.id)`;
export const presentAtH = sql<number>`(select count(*) from stay s where s.hospice_id = h.id and s.departed_on is null)`;

export type EventValues = Omit<Insertable<BedStatusEventTable>, 'id'> & { recorded_at: string };

/** What a write learns of the facility in the same statement. */
export interface HospiceFacts {
  is_synthetic: boolean;
  licensed_beds: number;
  has_stays: boolean;
  present: number;
}

export type CheckedRow = EventRow & HospiceFacts;

export interface CheckedWrite {
  values: EventValues;
  audit: AuditContext | undefined;
  /** The Dutch calendar day ('YYYY-MM-DD') whose registration the beds are checked against. */
  today: string;
}

/**
 * The updates as one parameter: one statement text (one prepared plan) for any group size. Flat
 * JSON text, which the engine reads faster than jsonb or nested objects; the audit context goes
 * along only when there is one (its fields are null otherwise, and no entry is written).
 */
function itemsJson(writes: readonly CheckedWrite[]): string {
  return auditJson(
    writes.map(({ values: v, audit, today }, ord) => ({
      ord,
      hospice_id: v.hospice_id,
      kind: v.kind,
      beds_open: v.beds_open,
      beds_occupied: v.beds_occupied,
      beds_closed: v.beds_closed,
      closed_reason: v.closed_reason,
      admission_stop: v.admission_stop,
      recorded_at: v.recorded_at,
      recorded_by: v.recorded_by,
      today,
      actor: audit?.actor ?? null,
      role: audit?.role ?? null,
      method: audit?.method ?? null,
      path: audit?.path ?? null,
      status: audit?.status ?? null,
      audit_hospice_id: audit?.hospiceId ?? null,
      region_code: audit?.regionCode ?? null,
    })),
  )!;
}

/** The statement is the same for every group: written once, not built by Kysely per call. */
const WRITE_SQL = 'select bed_status_write($1::json, $2::text, $3::bigint, $4::integer) as written';

/** What the write tells of each stored update: its place in the group, its id, the facility. */
type Written = [
  ord: number,
  id: number,
  licensedBeds: number,
  isSynthetic: boolean,
  hasStays: boolean,
  present: number,
];

/**
 * One statement for a group of updates of distinct facilities: the database function
 * bed_status_write (migration 0017) reads each facility's beds as registered on its day; with
 * `locking` (a store of several sessions) it takes the write locks of all of them (the shared one
 * first, then the facilities in the order of their keys, so two groups never wait for each other
 * in a circle); then it draws the event ids and appends the events, their audit entries (which
 * refer to the event: the log reads the state before it from the event log) and the current
 * state. One facility appears at most once in a group, so no update of the group precedes another
 * of the same facility. With `notifyChannel`, listeners hear of the group (its highest id) when it
 * commits, not a round trip (and a commit) later. Returns the stored rows, in the order of their
 * ids; an update missing from them was not allowed.
 */
export async function insertCheckedEvents(
  db: Kysely<Database>,
  writes: readonly CheckedWrite[],
  { locking, notifyChannel }: { locking: boolean; notifyChannel?: string | undefined },
): Promise<CheckedRow[]> {
  const { rows } = await db.executeQuery<{ written: Written[] }>(
    CompiledQuery.raw(WRITE_SQL, [
      itemsJson(writes),
      notifyChannel ?? null,
      locking ? BED_STATUS_LOCK : null,
      locking ? BED_STATUS_FACILITY_LOCK : null,
    ]),
  );
  return rows[0]!.written
    .map(([ord, id, licensedBeds, isSynthetic, hasStays, present]): CheckedRow => {
      const { values } = writes[ord]!;
      return {
        id,
        hospice_id: values.hospice_id,
        kind: values.kind,
        beds_open: values.beds_open,
        beds_occupied: values.beds_occupied,
        beds_closed: values.beds_closed ?? 0,
        closed_reason: values.closed_reason ?? null,
        admission_stop: values.admission_stop ?? false,
        recorded_at: values.recorded_at,
        recorded_by: values.recorded_by,
        is_synthetic: isSynthetic,
        licensed_beds: licensedBeds,
        has_stays: hasStays,
        present,
      };
    })
    .sort((a, b) => a.id - b.id);
}

interface Pending extends CheckedWrite {
  notifyChannel: string | undefined;
  resolve: (row: CheckedRow | undefined) => void;
  reject: (error: unknown) => void;
}

/** Gathers the updates of one store into groups, one group being written at a time. */
class GroupCommit {
  #queue: Pending[] = [];
  /** Groups being written now, and the facilities in them. */
  #writing = 0;
  readonly #inFlight = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxWriting: number,
  ) {}

  submit(write: CheckedWrite, notifyChannel: string | undefined): Promise<CheckedRow | undefined> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ ...write, notifyChannel, resolve, reject });
      if (this.#writing < this.maxWriting) {
        this.#writing += 1;
        setImmediate(() => void this.#drain());
      }
    });
  }

  async #drain(): Promise<void> {
    try {
      for (let group = this.#nextGroup(); group.length > 0; group = this.#nextGroup()) {
        try {
          await this.#write(group);
        } finally {
          for (const pending of group) {
            this.#inFlight.delete(pending.values.hospice_id);
          }
        }
      }
    } finally {
      this.#writing -= 1;
    }
  }

  /**
   * The oldest waiting updates, at most one per facility and none of a facility in a group being
   * written: a later update of it waits for a later group, so it follows its predecessor in the
   * log and its audit "before" is that predecessor.
   */
  #nextGroup(): Pending[] {
    const group: Pending[] = [];
    const rest: Pending[] = [];
    // One statement notifies one channel: updates that ask for another wait for a later group.
    const channel = this.#queue[0]?.notifyChannel;
    for (const pending of this.#queue) {
      const facility = pending.values.hospice_id;
      if (
        group.length < MAX_GROUP &&
        !this.#inFlight.has(facility) &&
        pending.notifyChannel === channel
      ) {
        this.#inFlight.add(facility);
        group.push(pending);
      } else {
        rest.push(pending);
      }
    }
    this.#queue = rest;
    return group;
  }

  async #write(group: Pending[]): Promise<void> {
    try {
      const rows = await insertCheckedEvents(this.db, group, {
        locking: this.maxWriting > 1,
        notifyChannel: group[0]?.notifyChannel,
      });
      const byFacility = new Map(rows.map((row) => [row.hospice_id, row]));
      for (const pending of group) {
        pending.resolve(byFacility.get(pending.values.hospice_id));
      }
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(error);
        return;
      }
      for (const pending of group) {
        await this.#write([pending]);
      }
    }
  }
}

const groups = new WeakMap<Kysely<Database>, GroupCommit>();

/** How a store takes group writes. */
export interface GroupCommitOptions {
  /** The store runs several sessions at once (PostgreSQL): several groups may be written. */
  concurrentWriters: boolean;
  /**
   * The database channel that tells every process of each group as it commits (payload: the
   * group's highest event id); undefined when notifications do not go through the database.
   */
  notifyChannel: string | undefined;
}

/**
 * Stores one checked update, together with whatever other updates of the same store arrive
 * meanwhile (see above). Resolves with the stored row once it is committed, or undefined when the
 * facility cannot take this state.
 */
export function insertCheckedEvent(
  db: Kysely<Database>,
  write: CheckedWrite,
  options: GroupCommitOptions,
): Promise<CheckedRow | undefined> {
  let group = groups.get(db);
  if (!group) {
    group = new GroupCommit(db, options.concurrentWriters ? MAX_WRITING_CONCURRENT : 1);
    groups.set(db, group);
  }
  return group.submit(write, options.notifyChannel);
}
