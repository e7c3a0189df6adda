import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  admitGuest,
  BED_STATUS_CHANNEL,
  listAudit,
  setBedStatus,
  type AuditContext,
  type Store,
} from '../src/index';
import { type BedStatusPut } from '@palliamonitor/contracts';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// Updates that arrive together are committed together (bed-status-batch.ts), and each of them is
// still checked, stored and audited as if it had come alone.

let store: Store;
const hospices: string[] = [];
const now = new Date('2026-03-15T10:00:00.000Z');
const concurrentWriters = process.env['TEST_DATABASE_URL'] !== undefined;

const auditFor = (hospiceId: string): AuditContext => ({
  actor: `system-${hospiceId}`,
  role: 'hospice-system',
  method: 'PUT',
  path: `/api/v1/hospices/${hospiceId}/bed-status`,
  status: 200,
  hospiceId,
  regionCode: 'ZK23',
});

const write = (hospiceId: string, input: BedStatusPut, minute = 0) =>
  setBedStatus(
    store.db,
    hospiceId,
    input,
    { actor: `system-${hospiceId}`, now: new Date(now.getTime() + minute * 60_000) },
    { freshnessHours: 24, audit: auditFor(hospiceId), concurrentWriters },
  );

/** The transactions that stored these events (PostgreSQL's xmin of each row). */
async function transactionsOf(eventIds: number[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(distinct xmin::text) as n from bed_status_event
    where id in (${sql.join(eventIds)})`.execute(store.db);
  return Number(rows[0]!.n);
}

async function auditOf(hospiceId: string) {
  const { items } = await listAudit(store.db, { limit: 500, offset: 0 });
  return items.filter((e) => e.hospiceId === hospiceId).reverse();
}

beforeAll(async () => {
  store = await openTestStore();
  for (let i = 0; i < 5; i++) {
    hospices.push(await createUtrechtHospice(store, `Hospice Groep ${i}`, 6, now));
  }
});
afterAll(async () => {
  await store.close();
});

describe(`bed-status group commit (${storeName})`, () => {
  it('updates of several facilities sent at once are committed in one transaction, each audited with its predecessor', async () => {
    const first = await Promise.all(
      hospices.map((id) => write(id, { bedsOpen: 6, bedsOccupied: 1 })),
    );
    const second = await Promise.all(
      hospices.map((id, i) => write(id, { bedsOpen: 6, bedsOccupied: 2 + (i % 3) }, 1)),
    );
    const ids = second.map((w) => w.event.id);
    if (!concurrentWriters) {
      // One session, one group: every update of the burst shares a commit.
      expect(await transactionsOf(ids)).toBe(1);
    } else {
      expect(await transactionsOf(ids)).toBeLessThan(ids.length);
    }
    for (const [i, hospiceId] of hospices.entries()) {
      expect(second[i]!.status).toMatchObject({ hospiceId, bedsOccupied: 2 + (i % 3) });
      const entries = await auditOf(hospiceId);
      expect(entries.map((e) => (e.after as { eventId: number }).eventId)).toEqual([
        first[i]!.event.id,
        second[i]!.event.id,
      ]);
      expect(entries[1]!.before).toMatchObject({ eventId: first[i]!.event.id, bedsOccupied: 1 });
      expect(entries[1]!.actor).toBe(`system-${hospiceId}`);
    }
  });

  it('two updates of one facility in one burst are stored one after the other', async () => {
    const hospiceId = hospices[0]!;
    const [a, b] = await Promise.all([
      write(hospiceId, { bedsOpen: 6, bedsOccupied: 3 }, 2),
      write(hospiceId, { bedsOpen: 6, bedsOccupied: 4 }, 2),
    ]);
    expect(b!.event.id).toBeGreaterThan(a!.event.id);
    const entries = await auditOf(hospiceId);
    const last = entries.at(-1)!;
    expect(last.after).toMatchObject({ eventId: b!.event.id, bedsOccupied: 4 });
    expect(last.before).toMatchObject({ eventId: a!.event.id, bedsOccupied: 3 });
  });

  it('an update the registry refuses fails alone; the others of its burst are stored', async () => {
    const [ok1, tooMany, ok2] = await Promise.allSettled([
      write(hospices[1]!, { bedsOpen: 5, bedsOccupied: 5 }, 3),
      write(hospices[2]!, { bedsOpen: 7, bedsOccupied: 0 }, 3),
      write(hospices[3]!, { bedsOpen: 4, bedsOccupied: 1 }, 3),
    ]);
    expect(ok1.status).toBe('fulfilled');
    expect(ok2.status).toBe('fulfilled');
    expect(tooMany).toMatchObject({
      status: 'rejected',
      reason: { code: 'UNPROCESSABLE', issues: [{ code: 'bedStatus.openAboveLicensed' }] },
    });
    const current = await store.db
      .selectFrom('bed_status_current')
      .select('beds_open')
      .where('hospice_id', 'in', [hospices[1]!, hospices[3]!])
      .execute();
    expect(current.map((c) => c.beds_open).sort()).toEqual([4, 5]);
  });

  it('an update the store itself refuses fails alone; the group is retried update by update', async () => {
    const before = await auditOf(hospices[4]!);
    const results = await Promise.allSettled([
      write(hospices[4]!, { bedsOpen: 5, bedsOccupied: 0 }, 4),
      // Not a reason the store knows: its check constraint refuses the whole statement.
      write(hospices[2]!, {
        bedsOpen: 5,
        bedsOccupied: 0,
        bedsClosed: 1,
        closedReason: 'holiday' as 'other',
      }),
      write(hospices[1]!, { bedsOpen: 6, bedsOccupied: 6 }, 4),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await auditOf(hospices[4]!)).toHaveLength(before.length + 1);
    // That facility never had a closed bed before: nothing of the refused update was stored.
    const stored = await store.db
      .selectFrom('bed_status_event')
      .select('id')
      .where('hospice_id', '=', hospices[2]!)
      .where('beds_closed', '=', 1)
      .execute();
    expect(stored).toEqual([]);
  });

  it('warns of occupied beds that differ from the guests present, once guests are registered', async () => {
    const id = await createUtrechtHospice(store, 'Hospice Gasten', 6, now);
    const warned = async (input: BedStatusPut, minute: number) =>
      (await write(id, input, minute)).warnings.map((w) => w.code);
    // No stay registered: the hospice does not register its guests, so nothing to compare.
    expect(await warned({ bedsOpen: 6, bedsOccupied: 3 }, 10)).toEqual([]);
    await admitGuest(
      store.db,
      id,
      { admittedOn: '2026-03-15', origin: 'home' },
      { actor: 'staff', now: new Date(now.getTime() + 11 * 60_000) },
    );
    expect(await warned({ bedsOpen: 6, bedsOccupied: 3 }, 12)).toEqual([
      'bedStatus.occupiedDiffersFromGuests',
    ]);
    expect(await warned({ bedsOpen: 6, bedsOccupied: 1 }, 13)).toEqual([]);
  });

  // Only PostgreSQL carries notifications through the database.
  it.skipIf(!concurrentWriters)(
    'on PostgreSQL the commit of a group notifies the live-feed channel itself',
    async () => {
      const heard: string[] = [];
      const stop = await store.listen(BED_STATUS_CHANNEL, (payload) => heard.push(payload));
      try {
        const channel = await store.databaseChannel!(BED_STATUS_CHANNEL);
        const written = await setBedStatus(
          store.db,
          hospices[3]!,
          { bedsOpen: 6, bedsOccupied: 2 },
          { actor: 'system', now },
          { freshnessHours: 24, concurrentWriters, notifyChannel: channel },
        );
        expect(written.notified).toBe(true);
        // Wait for the notification itself (no fixed sleep): the listener connection delivers it.
        await expect.poll(() => heard, { timeout: 60_000 }).toContain(String(written.event.id));
      } finally {
        await stop();
      }
    },
  );
});
