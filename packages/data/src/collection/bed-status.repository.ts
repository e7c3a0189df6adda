import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../store/schema';
import type { BedStatus, BedStatusEvent, BedStatusPut } from '@palliamonitor/contracts';
import { AppError, type Issue } from '../errors';
import { dutchDate } from '../dates';
import type { WriteContext } from '../registry/hospices.repository';
import { appendAudit, type AuditContext } from '../accounts/audit.repository';
import { validOn } from '../store/valid-on';
import {
  lastChange,
  latestBedStatusEventId,
  latestEvent,
  toBedStatus,
  toBedStatusEvent,
  type EventRow,
} from './bed-status-reads';
import {
  BED_STATUS_FACILITY_LOCK,
  BED_STATUS_LOCK,
  hasStaysAtH,
  insertCheckedEvent,
  presentAtH,
  type EventValues,
} from './bed-status-batch';

// Bed status is a log of events: every write appends one ("no change" appends a confirm event).
// The log is never rewritten, so every figure about the past can be recomputed and audited.

type Db = Kysely<Database> | Transaction<Database>;

/** The notification channel of bed-status events; the payload is the event id. */
export const BED_STATUS_CHANNEL = 'palliamonitor_bed_status';

// Two guarantees rest on transaction-scoped advisory locks:
// - Two writers of one facility are serialised (a lock per facility), so neither update is lost,
//   If-Match compares with the latest event and the audit "before" is the true predecessor.
// - A reader that has seen id N will see no new event below N: that is what makes Last-Event-ID
//   replay lose nothing. Writers take BED_STATUS_LOCK in shared mode before their id is drawn and
//   keep it until they commit, so they do not wait for each other; a reader that takes it
//   exclusively (bedStatusHorizon) waits until every writer that drew an id has finished, and ids
//   drawn later are higher than any it then sees. Only that reader waits, never a writer for a
//   writer of another facility.

/** The write locks: the shared one first, so waiting for a facility never holds up the reader. */
const writeLocks = (hospiceId: string) =>
  sql`pg_advisory_xact_lock_shared(${BED_STATUS_LOCK}::bigint),
    pg_advisory_xact_lock(${BED_STATUS_FACILITY_LOCK}::integer, hashtext(${hospiceId}))`;

/**
 * The highest event id below which no event can still commit: every event up to it is stored,
 * and a later one gets a higher id. `concurrentWriters` is false for a store of one session (the
 * embedded store), where transactions never overlap and the highest id is that already.
 */
export async function bedStatusHorizon(
  db: Kysely<Database>,
  concurrentWriters: boolean,
): Promise<number> {
  if (!concurrentWriters) {
    return latestBedStatusEventId(db);
  }
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${BED_STATUS_LOCK}::bigint)`.execute(trx);
    return latestBedStatusEventId(trx);
  });
}

interface ReportingHospice {
  id: string;
  licensedBeds: number;
  isSynthetic: boolean;
  hasStays: boolean;
  present: number;
}

/**
 * What a bed-status write needs of the facility in one statement (writes are frequent): its beds
 * as registered today, whether it is synthetic, and how many guests it has registered as present.
 * A facility not registered today cannot report beds.
 */
async function reportingHospice(db: Db, hospiceId: string, now: Date): Promise<ReportingHospice> {
  const today = dutchDate(now);
  const row = await db
    .selectFrom('hospice as h')
    .leftJoin('hospice_version as v', (join) =>
      join.onRef('v.hospice_id', '=', 'h.id').on(validOn('v', today)),
    )
    .select([
      'h.id',
      'h.is_synthetic',
      'v.licensed_beds',
      hasStaysAtH.as('has_stays'),
      presentAtH.as('present'),
    ])
    .where('h.id', '=', hospiceId)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('NOT_FOUND', `hospice ${hospiceId} does not exist`);
  }
  if (row.licensed_beds === null) {
    throw new AppError('UNPROCESSABLE', `hospice ${hospiceId} is not registered on ${today}`, [
      {
        field: 'id',
        message: `hospice ${hospiceId} is not registered on ${today}`,
        code: 'registry.notRegisteredOn',
        params: { date: today },
      },
    ]);
  }
  return {
    id: hospiceId,
    licensedBeds: row.licensed_beds,
    isSynthetic: row.is_synthetic,
    hasStays: Boolean(row.has_stays),
    present: Number(row.present),
  };
}

/** occupied ≤ open ≤ licensed beds, closed beds need a reason. Returned as issues, not thrown. */
export function checkBedStatus(input: BedStatusPut, licensedBeds: number): Issue[] {
  const issues: Issue[] = [];
  const closed = input.bedsClosed ?? 0;
  if (input.bedsOccupied > input.bedsOpen) {
    issues.push({
      field: 'bedsOccupied',
      message: `must not exceed bedsOpen (${input.bedsOpen}), got ${input.bedsOccupied}`,
      code: 'bedStatus.occupiedAboveOpen',
      params: { open: input.bedsOpen, occupied: input.bedsOccupied },
    });
  }
  if (input.bedsOpen > licensedBeds) {
    issues.push({
      field: 'bedsOpen',
      message: `must not exceed the licensed beds (${licensedBeds}), got ${input.bedsOpen}`,
      code: 'bedStatus.openAboveLicensed',
      params: { licensed: licensedBeds, open: input.bedsOpen },
    });
  } else if (input.bedsOpen + closed > licensedBeds) {
    issues.push({
      field: 'bedsClosed',
      message: `open (${input.bedsOpen}) and closed (${closed}) beds together exceed the licensed beds (${licensedBeds})`,
      code: 'bedStatus.openAndClosedAboveLicensed',
      params: { open: input.bedsOpen, closed, licensed: licensedBeds },
    });
  }
  if (closed > 0 && !input.closedReason) {
    issues.push({
      field: 'closedReason',
      message: 'is required when beds are closed',
      code: 'bedStatus.closedReasonRequired',
    });
  }
  if (closed === 0 && input.closedReason) {
    issues.push({
      field: 'closedReason',
      message: 'only applies when bedsClosed is above 0',
      code: 'bedStatus.closedReasonWithoutClosedBeds',
    });
  }
  return issues;
}

export interface BedStatusWrite {
  status: BedStatus;
  event: BedStatusEvent;
  warnings: Issue[];
  /** The event's commit notified `notifyChannel` already: nobody needs telling again. */
  notified?: boolean;
}

export interface BedStatusWriteOptions {
  freshnessHours: number;
  /** If-Match: the write is refused (PRECONDITION_FAILED) unless this is the latest event. */
  expectedEventId?: number | undefined;
  /** When given, the audit entry is written in the same transaction as the event. */
  audit?: AuditContext | undefined;
  /** The store runs several transactions at once (PostgreSQL): several groups may be written. */
  concurrentWriters?: boolean | undefined;
  /** The database channel of bed-status events, notified in the write's own transaction. */
  notifyChannel?: string | undefined;
}

/**
 * An event as the audit log keeps it, before and after a write: the stored state, with the event id
 * named as in the API's bed status.
 */
export function auditViewOfEvent(event: BedStatusEvent) {
  return {
    eventId: event.id,
    kind: event.kind,
    bedsOpen: event.bedsOpen,
    bedsOccupied: event.bedsOccupied,
    bedsClosed: event.bedsClosed,
    closedReason: event.closedReason,
    admissionStop: event.admissionStop,
    recordedAt: event.recordedAt,
    recordedBy: event.recordedBy,
  };
}

async function appendEventAudit(
  trx: Transaction<Database>,
  audit: AuditContext | undefined,
  at: Date,
  before: EventRow | undefined,
  after: EventRow,
): Promise<void> {
  if (audit) {
    await appendAudit(trx, {
      ...audit,
      at: at.toISOString(),
      before: before ? auditViewOfEvent(toBedStatusEvent(before)) : null,
      after: auditViewOfEvent(toBedStatusEvent(after)),
    });
  }
}

/** Takes the write locks; reads the latest event after them, so it sees every earlier write. */
async function lockAndReadLatest(
  trx: Transaction<Database>,
  hospiceId: string,
  expectedEventId: number | undefined,
): Promise<EventRow | undefined> {
  await sql`select ${writeLocks(hospiceId)}`.execute(trx);
  const latest = await latestEvent(trx, hospiceId);
  if (expectedEventId !== undefined && latest?.id !== expectedEventId) {
    throw new AppError(
      'PRECONDITION_FAILED',
      latest
        ? `the bed status of hospice ${hospiceId} changed since event ${expectedEventId}; the latest is ${latest.id}`
        : `hospice ${hospiceId} has no bed status event ${expectedEventId}`,
    );
  }
  return latest;
}

/**
 * Stores a new bed status (also a confirmation). `expectedEventId` (If-Match) must name the latest
 * event, or the write is refused with PRECONDITION_FAILED and nothing is stored.
 */
export async function setBedStatus(
  db: Kysely<Database>,
  hospiceId: string,
  input: BedStatusPut,
  ctx: WriteContext,
  options: BedStatusWriteOptions,
): Promise<BedStatusWrite> {
  const closed = input.bedsClosed ?? 0;
  const values: EventValues = {
    hospice_id: hospiceId,
    kind: 'update',
    beds_open: input.bedsOpen,
    beds_occupied: input.bedsOccupied,
    beds_closed: closed,
    closed_reason: closed > 0 ? (input.closedReason ?? null) : null,
    admission_stop: input.admissionStop ?? false,
    recorded_at: ctx.now.toISOString(),
    recorded_by: ctx.actor,
  };
  const result = (hospice: ReportingHospice, row: EventRow): BedStatusWrite => {
    const event = toBedStatusEvent(row);
    return {
      status: toBedStatus(hospice, event, event.recordedAt, ctx.now, options.freshnessHours),
      event,
      warnings: occupancyWarnings(hospice, input.bedsOccupied),
    };
  };
  // The common case: no If-Match and nothing wrong that can be seen without the registry.
  if (options.expectedEventId === undefined && checkBedStatus(input, Infinity).length === 0) {
    const row = await insertCheckedEvent(
      db,
      {
        values,
        audit: options.audit,
        today: dutchDate(ctx.now),
      },
      {
        concurrentWriters: options.concurrentWriters ?? false,
        notifyChannel: options.notifyChannel,
      },
    );
    if (row) {
      const facts = {
        id: hospiceId,
        licensedBeds: row.licensed_beds,
        isSynthetic: row.is_synthetic,
        hasStays: Boolean(row.has_stays),
        present: Number(row.present),
      };
      return { ...result(facts, row), notified: options.notifyChannel !== undefined };
    }
  }
  // The careful path: every issue named, and with If-Match the latest event read after the lock,
  // in a statement of its own, so it sees every write committed before ours.
  return db.transaction().execute(async (trx) => {
    const hospice = await reportingHospice(trx, hospiceId, ctx.now);
    const issues = checkBedStatus(input, hospice.licensedBeds);
    if (issues.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the bed status was not stored', issues);
    }
    const before = await lockAndReadLatest(trx, hospiceId, options.expectedEventId);
    const row = await trx
      .insertInto('bed_status_event')
      .values(values)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendEventAudit(trx, options.audit, ctx.now, before, row);
    return result(hospice, row);
  });
}

/** "No change": one action that only refreshes the confirmation time of the current state. */
export async function confirmBedStatus(
  db: Kysely<Database>,
  hospiceId: string,
  ctx: WriteContext,
  options: BedStatusWriteOptions,
): Promise<BedStatusWrite> {
  const { row, hospice } = await db.transaction().execute(async (trx) => {
    const hospice = await reportingHospice(trx, hospiceId, ctx.now);
    const latest = await lockAndReadLatest(trx, hospiceId, options.expectedEventId);
    if (!latest) {
      throw new AppError('UNPROCESSABLE', 'there is no bed status to confirm yet', [
        {
          field: 'bedStatus',
          message: 'set the bed status once before confirming it',
          code: 'bedStatus.nothingToConfirm',
        },
      ]);
    }
    // The registry may have lost beds since: a confirmation must not confirm an impossible state.
    const issues = checkBedStatus(
      {
        bedsOpen: latest.beds_open,
        bedsOccupied: latest.beds_occupied,
        bedsClosed: latest.beds_closed,
        closedReason: latest.closed_reason,
      },
      hospice.licensedBeds,
    );
    if (issues.length > 0) {
      throw new AppError('UNPROCESSABLE', 'the current bed status is no longer valid', issues);
    }
    const row = await appendAfter(trx, latest, 'confirm', latest.beds_occupied, ctx);
    await appendEventAudit(trx, options.audit, ctx.now, latest, row);
    return { row, hospice };
  });
  const event = toBedStatusEvent(row);
  const changedAt = await lastChange(db, hospiceId);
  return {
    status: toBedStatus(hospice, event, changedAt, ctx.now, options.freshnessHours),
    event,
    warnings: [],
  };
}

/**
 * After an admission or departure registered for today, the occupied beds follow by `delta`, so a
 * hospice registers a guest once. Skipped (null) when there is no status yet or the result would
 * be impossible; the caller then reports a warning instead.
 */
export async function followOccupancy(
  trx: Transaction<Database>,
  hospiceId: string,
  delta: number,
  ctx: WriteContext,
): Promise<EventRow | null> {
  const latest = await lockAndReadLatest(trx, hospiceId, undefined);
  if (!latest) {
    return null;
  }
  const occupied = latest.beds_occupied + delta;
  if (occupied < 0 || occupied > latest.beds_open) {
    return null;
  }
  return appendAfter(trx, latest, 'movement', occupied, ctx);
}

/** An event that keeps the latest state but for the occupied beds (a confirmation or movement). */
function appendAfter(
  trx: Transaction<Database>,
  latest: EventRow,
  kind: 'confirm' | 'movement',
  occupied: number,
  ctx: WriteContext,
): Promise<EventRow> {
  return trx
    .insertInto('bed_status_event')
    .values({
      hospice_id: latest.hospice_id,
      kind,
      beds_open: latest.beds_open,
      beds_occupied: occupied,
      beds_closed: latest.beds_closed,
      closed_reason: latest.closed_reason,
      admission_stop: latest.admission_stop,
      recorded_at: ctx.now.toISOString(),
      recorded_by: ctx.actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Warns when a hospice that registers its guests reports a different number of occupied beds. */
function occupancyWarnings(
  hospice: { hasStays: boolean; present: number },
  occupied: number,
): Issue[] {
  if (hospice.hasStays && hospice.present !== occupied) {
    return [
      {
        field: 'bedsOccupied',
        severity: 'warning',
        message: `${occupied} occupied beds reported, but ${hospice.present} guests are registered as present`,
        code: 'bedStatus.occupiedDiffersFromGuests',
        params: { occupied, present: hospice.present },
      },
    ];
  }
  return [];
}
