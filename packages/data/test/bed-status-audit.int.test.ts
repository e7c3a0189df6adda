import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  AppError,
  confirmBedStatus,
  listAudit,
  setBedStatus,
  type AuditContext,
  type Store,
} from '../src/index';
import { type BedStatusPut } from '@palliamonitor/contracts';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// A bed-status write and its audit entry are one change: both are stored or neither is.

let store: Store;
let hospiceId: string;
const now = new Date('2026-03-15T10:00:00.000Z');
const options = { freshnessHours: 24 };

const auditFor = (actor: string): AuditContext => ({
  actor,
  role: 'hospice-editor',
  method: 'PUT',
  path: `/api/v1/hospices/${hospiceId}/bed-status`,
  status: 200,
  hospiceId,
  regionCode: 'ZK23',
});

async function entriesOf(actor: string) {
  const { items } = await listAudit(store.db, { limit: 100, offset: 0 });
  return items.filter((e) => e.actor === actor).reverse();
}

async function eventCount(): Promise<number> {
  const row = await store.db
    .selectFrom('bed_status_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('hospice_id', '=', hospiceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  store = await openTestStore();
  hospiceId = await createUtrechtHospice(store, 'Hospice Audit', 6, now);
});
afterAll(async () => {
  await store.close();
});

describe(`bed-status audit entries (${storeName})`, () => {
  it('each write carries the event before it and the event it stored', async () => {
    // Three writes a minute apart by one editor.
    const write = (minute: number, input: BedStatusPut) =>
      setBedStatus(
        store.db,
        hospiceId,
        input,
        { actor: 'editor-1', now: new Date(now.getTime() + minute * 60_000) },
        { ...options, audit: auditFor('editor-1') },
      );
    const closed = { bedsOpen: 5, bedsClosed: 1, closedReason: 'staff-shortage' } as const;
    const first = await write(0, { bedsOpen: 6, bedsOccupied: 2 });
    const second = await write(1, { ...closed, bedsOccupied: 3 });
    const third = await write(2, { ...closed, bedsOccupied: 4 });
    const [a, b, c] = await entriesOf('editor-1');
    expect(a).toMatchObject({
      actor: 'editor-1',
      role: 'hospice-editor',
      method: 'PUT',
      status: 200,
      hospiceId,
      regionCode: 'ZK23',
      at: now.toISOString(),
      before: null,
      after: {
        eventId: first.event.id,
        kind: 'update',
        bedsOpen: 6,
        bedsOccupied: 2,
        bedsClosed: 0,
        closedReason: null,
        admissionStop: false,
        recordedAt: now.toISOString(),
        recordedBy: 'editor-1',
      },
    });
    // The view built in SQL (one-statement path) equals the one built from the stored event.
    expect(b!.before).toEqual(a!.after);
    expect(b!.after).toEqual({
      eventId: second.event.id,
      kind: 'update',
      bedsOpen: 5,
      bedsOccupied: 3,
      bedsClosed: 1,
      closedReason: 'staff-shortage',
      admissionStop: false,
      recordedAt: second.event.recordedAt,
      recordedBy: 'editor-1',
    });
    expect(c!.before).toEqual(b!.after);
    expect(c!.after).toMatchObject({ eventId: third.event.id, bedsOccupied: 4 });
  });

  it('the If-Match and confirmation paths record the exact event they follow', async () => {
    const latest = (await entriesOf('editor-1')).at(-1)!.after as { eventId: number };
    const put = await setBedStatus(
      store.db,
      hospiceId,
      { bedsOpen: 5, bedsOccupied: 4, bedsClosed: 1, closedReason: 'staff-shortage' },
      { actor: 'editor-2', now },
      { ...options, expectedEventId: latest.eventId, audit: auditFor('editor-2') },
    );
    const confirmed = await confirmBedStatus(
      store.db,
      hospiceId,
      { actor: 'editor-2', now },
      { ...options, audit: { ...auditFor('editor-2'), method: 'POST' } },
    );
    const [a, b] = await entriesOf('editor-2');
    expect((a!.before as { eventId: number }).eventId).toBe(latest.eventId);
    expect((a!.after as { eventId: number }).eventId).toBe(put.event.id);
    expect(b).toMatchObject({
      method: 'POST',
      before: { eventId: put.event.id, kind: 'update', bedsOccupied: 4 },
      after: { eventId: confirmed.event.id, kind: 'confirm', bedsOccupied: 4 },
    });
  });

  it('a rejected write leaves neither an event nor an entry', async () => {
    const events = await eventCount();
    await expect(
      setBedStatus(
        store.db,
        hospiceId,
        { bedsOpen: 7, bedsOccupied: 2 },
        { actor: 'editor-3', now },
        { ...options, audit: auditFor('editor-3') },
      ),
    ).rejects.toBeInstanceOf(AppError);
    expect(await eventCount()).toBe(events);
    expect(await entriesOf('editor-3')).toEqual([]);
  });

  it('when the audit entry cannot be written, the event is not stored either', async () => {
    // The log refuses entries of this one actor; every path must then store nothing.
    await sql`alter table audit_log add constraint refuses_test_actor check (actor <> 'refused')`.execute(
      store.db,
    );
    try {
      const events = await eventCount();
      const ctx = { actor: 'refused', now };
      const audit = auditFor('refused');
      await expect(
        setBedStatus(store.db, hospiceId, { bedsOpen: 5, bedsOccupied: 1 }, ctx, {
          ...options,
          audit,
        }),
      ).rejects.toThrow(/refuses_test_actor/);
      const latest = (await entriesOf('editor-2')).at(-1)!.after as { eventId: number };
      await expect(
        setBedStatus(store.db, hospiceId, { bedsOpen: 5, bedsOccupied: 1 }, ctx, {
          ...options,
          expectedEventId: latest.eventId,
          audit,
        }),
      ).rejects.toThrow(/refuses_test_actor/);
      await expect(
        confirmBedStatus(store.db, hospiceId, ctx, { ...options, audit }),
      ).rejects.toThrow(/refuses_test_actor/);
      expect(await eventCount()).toBe(events);
    } finally {
      await sql`alter table audit_log drop constraint refuses_test_actor`.execute(store.db);
    }
  });

  it('an entry of the one-statement path refers to its event instead of copying both states', async () => {
    const written = await setBedStatus(
      store.db,
      hospiceId,
      { bedsOpen: 6, bedsOccupied: 1 },
      { actor: 'editor-4', now },
      { ...options, audit: auditFor('editor-4') },
    );
    const row = await store.db
      .selectFrom('audit_log')
      .select(['event_id', 'before', 'after'])
      .where('actor', '=', 'editor-4')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ event_id: written.event.id, before: null, after: null });
    // The current state was kept by the write itself, and the trigger is left on for any other
    // writer: a plain insert afterwards still moves the current state.
    const { rows } = await sql<{ event_id: number; on: string | null }>`
      select event_id, current_setting('palliamonitor.bed_status_follow', true) as on
      from bed_status_current where hospice_id = ${hospiceId}`.execute(store.db);
    expect(rows[0]!.event_id).toBe(written.event.id);
    expect(rows[0]!.on ?? '').toBe('');
    const plain = await store.db
      .insertInto('bed_status_event')
      .values({
        hospice_id: hospiceId,
        kind: 'update',
        beds_open: 6,
        beds_occupied: 2,
        beds_closed: 0,
        closed_reason: null,
        admission_stop: false,
        recorded_at: now.toISOString(),
        recorded_by: 'editor-4',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await store.db
      .selectFrom('bed_status_current')
      .select('event_id')
      .where('hospice_id', '=', hospiceId)
      .executeTakeFirstOrThrow();
    expect(after.event_id).toBe(plain.id);
  });
});
