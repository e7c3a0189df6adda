import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { findHospice, listAudit, patchHospice, type AuditContext, type Store } from '../src/index';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// A registry change and its audit entry are one change. A same-day correction overwrites its
// version in place, so the entry's "before" is then the only record of what it said.

let store: Store;
let id: string;
const day1 = new Date('2026-04-01T09:00:00.000Z');
const day2 = new Date('2026-04-02T09:00:00.000Z');

const audit = (actor: string): AuditContext => ({
  actor,
  role: 'regisseur:ZK23',
  method: 'PATCH',
  path: `/api/v1/hospices/${id}`,
  status: 200,
  hospiceId: id,
  regionCode: 'ZK23',
});

beforeAll(async () => {
  store = await openTestStore();
  id = await createUtrechtHospice(store, 'Hospice Register', 4, day1);
});
afterAll(async () => {
  await store.close();
});

describe(`registry changes in the audit log (${storeName})`, () => {
  it('keeps what a same-day correction overwrote', async () => {
    const change = (licensedBeds: number) =>
      patchHospice(
        store.db,
        id,
        { licensedBeds },
        { actor: 'r1', now: day2 },
        undefined,
        audit('r1'),
      );
    await change(5);
    // The same day again: the version of day 2 is corrected in place.
    await change(6);
    const { items } = await listAudit(store.db, { limit: 10, offset: 0 });
    const [second, first] = items.filter((e) => e.actor === 'r1');
    expect(first).toMatchObject({ before: { licensedBeds: 4 }, after: { licensedBeds: 5 } });
    expect(second).toMatchObject({ before: { licensedBeds: 5 }, after: { licensedBeds: 6 } });
    expect(second!.before).not.toHaveProperty('version');
    // The registry no longer holds the 5: only the audit entry does.
    const versions = await store.db
      .selectFrom('hospice_version')
      .select('licensed_beds')
      .where('hospice_id', '=', id)
      .orderBy('valid_from')
      .execute();
    expect(versions.map((v) => v.licensed_beds)).toEqual([4, 6]);
  });

  it('when the entry cannot be written, the change is not stored either', async () => {
    await sql`alter table audit_log add constraint refuses_test_actor check (actor <> 'refused')`.execute(
      store.db,
    );
    try {
      await expect(
        patchHospice(
          store.db,
          id,
          { licensedBeds: 8 },
          { actor: 'refused', now: day2 },
          undefined,
          audit('refused'),
        ),
      ).rejects.toThrow(/refuses_test_actor/);
      expect((await findHospice(store.db, id, '2026-04-02'))!.licensedBeds).toBe(6);
    } finally {
      await sql`alter table audit_log drop constraint refuses_test_actor`.execute(store.db);
    }
  });
});
