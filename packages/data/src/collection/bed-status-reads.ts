import type { Kysely, Selectable, Transaction } from 'kysely';
import type { BedStatusEventTable, Database } from '../store/schema';
import type { BedStatus, BedStatusEvent } from '@palliamonitor/contracts';
import { AppError } from '../errors';
import { dutchDate } from '../dates';
import { freshUntil, isFresh } from './freshness';
import { validOn } from '../store/valid-on';
import { listHospices } from '../registry/hospice-reads';
import { getRegionOrThrow } from '../registry/regions.repository';

// Reads of the bed-status log. The current state is the latest event of a hospice, and its "last
// confirmed" time is the time of that event. Reads of the current state use bed_status_current,
// which a trigger keeps equal to the latest event of each facility in the transaction of every
// append (migration 0007): a read costs the same whatever the length of the log.

type Db = Kysely<Database> | Transaction<Database>;
export type EventRow = Selectable<BedStatusEventTable>;

export function toBedStatusEvent(row: EventRow): BedStatusEvent {
  return {
    id: row.id,
    hospiceId: row.hospice_id,
    kind: row.kind,
    bedsOpen: row.beds_open,
    bedsOccupied: row.beds_occupied,
    bedsClosed: row.beds_closed,
    closedReason: row.closed_reason,
    admissionStop: row.admission_stop,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  };
}

/** The state a client sees: free beds only while the status is fresh, otherwise unknown. */
export function toBedStatus(
  hospice: { id: string; licensedBeds: number | null; isSynthetic: boolean },
  latest: BedStatusEvent | undefined,
  changedAt: string | null,
  now: Date,
  freshnessHours: number,
): BedStatus {
  const confirmedAt = latest?.recordedAt ?? null;
  const fresh = isFresh(confirmedAt, now, freshnessHours);
  return {
    hospiceId: hospice.id,
    bedsOpen: latest?.bedsOpen ?? null,
    bedsOccupied: latest?.bedsOccupied ?? null,
    bedsFree: latest && fresh ? latest.bedsOpen - latest.bedsOccupied : null,
    bedsClosed: latest?.bedsClosed ?? null,
    closedReason: latest?.closedReason ?? null,
    admissionStop: latest?.admissionStop ?? null,
    licensedBeds: hospice.licensedBeds,
    confirmedAt,
    changedAt,
    freshness: fresh ? 'fresh' : 'unknown',
    freshUntil: freshUntil(confirmedAt, freshnessHours),
    eventId: latest?.id ?? null,
    recordedBy: latest?.recordedBy ?? null,
    isSynthetic: hospice.isSynthetic,
  };
}

type CurrentRow = Selectable<Database['bed_status_current']>;

const currentColumns = [
  'event_id as id',
  'hospice_id',
  'kind',
  'beds_open',
  'beds_occupied',
  'beds_closed',
  'closed_reason',
  'admission_stop',
  'recorded_at',
  'recorded_by',
  'changed_at',
] as const;

/** The latest event of a facility and the time of its latest change, from the current state. */
export async function current(
  db: Db,
  hospiceId: string,
): Promise<(EventRow & Pick<CurrentRow, 'changed_at'>) | undefined> {
  return db
    .selectFrom('bed_status_current')
    .select(currentColumns)
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirst();
}

export async function latestEvent(db: Db, hospiceId: string): Promise<EventRow | undefined> {
  const row = await current(db, hospiceId);
  if (!row) {
    return undefined;
  }
  const { changed_at: _changed, ...event } = row;
  return event;
}

export async function lastChange(db: Db, hospiceId: string): Promise<string | null> {
  return (await current(db, hospiceId))?.changed_at ?? null;
}

/** The current bed status of a facility (fields null when it never reported). */
export async function getBedStatus(
  db: Db,
  hospiceId: string,
  now: Date,
  freshnessHours: number,
): Promise<BedStatus> {
  const hospice = await db
    .selectFrom('hospice as h')
    .leftJoin('hospice_version as v', (join) =>
      join.onRef('v.hospice_id', '=', 'h.id').on(validOn('v', dutchDate(now))),
    )
    .select(['h.id', 'h.is_synthetic', 'v.licensed_beds'])
    .where('h.id', '=', hospiceId)
    .executeTakeFirst();
  if (!hospice) {
    throw new AppError('NOT_FOUND', `hospice ${hospiceId} does not exist`);
  }
  const latest = await current(db, hospiceId);
  return toBedStatus(
    { id: hospiceId, licensedBeds: hospice.licensed_beds, isSynthetic: hospice.is_synthetic },
    latest && toBedStatusEvent(latest),
    latest?.changed_at ?? null,
    now,
    freshnessHours,
  );
}

/**
 * The current bed status of every facility open today in a region (GM, PV or ZK code, or 'NL'), in
 * a few statements whatever the region's size: what a regional cockpit shows at once.
 */
export async function regionBedStatus(
  db: Kysely<Database>,
  code: string,
  now: Date,
  freshnessHours: number,
): Promise<BedStatus[]> {
  const today = dutchDate(now);
  if (code !== 'NL') {
    await getRegionOrThrow(db, code, today);
  }
  const { items: hospices } = await listHospices(db, {
    asOf: today,
    openOnly: true,
    ...(code === 'NL' ? {} : { region: code }),
    limit: 100_000,
    offset: 0,
  });
  const ids = hospices.map((h) => h.id);
  const rows =
    ids.length === 0
      ? []
      : await db
          .selectFrom('bed_status_current')
          .select(currentColumns)
          .where('hospice_id', 'in', ids)
          .execute();
  const latest = new Map(rows.map((r) => [r.hospice_id, r]));
  return hospices.map((h) => {
    const row = latest.get(h.id);
    return toBedStatus(
      { id: h.id, licensedBeds: h.licensedBeds, isSynthetic: h.isSynthetic },
      row && toBedStatusEvent(row),
      row?.changed_at ?? null,
      now,
      freshnessHours,
    );
  });
}

/** Events after `afterId` in id order, for replay and history. */
export async function listBedStatusEvents(
  db: Db,
  query: {
    afterId?: number;
    /** At most this id: a horizon (bedStatusHorizon), above which an event may still be missing. */
    upToId?: number;
    hospiceId?: string;
    limit: number;
    newestFirst?: boolean;
  },
): Promise<BedStatusEvent[]> {
  let q = db.selectFrom('bed_status_event').selectAll();
  if (query.afterId !== undefined) {
    q = q.where('id', '>', query.afterId);
  }
  if (query.upToId !== undefined) {
    q = q.where('id', '<=', query.upToId);
  }
  if (query.hospiceId !== undefined) {
    q = q.where('hospice_id', '=', query.hospiceId);
  }
  const rows = await q
    .orderBy('id', query.newestFirst ? 'desc' : 'asc')
    .limit(query.limit)
    .execute();
  return rows.map(toBedStatusEvent);
}

/** The highest event id, 0 when there is none. */
export async function latestBedStatusEventId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('bed_status_event')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** The latest event of each of the given facilities (all when omitted). */
export async function currentBedStatusEvents(
  db: Db,
  hospiceIds?: readonly string[],
): Promise<Map<string, BedStatusEvent>> {
  if (hospiceIds !== undefined && hospiceIds.length === 0) {
    return new Map();
  }
  let q = db.selectFrom('bed_status_current').select(currentColumns);
  if (hospiceIds !== undefined) {
    q = q.where('hospice_id', 'in', hospiceIds);
  }
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.hospice_id, toBedStatusEvent(r)]));
}
