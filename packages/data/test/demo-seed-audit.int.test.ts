import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DEMO_ACTOR, listAudit, seedDemoData, type Store } from '../src/index';
import { openTestStore, storeName } from './test-store';

// Seeding the demo (the CLI's `seed-demo` and `serve --seed-if-empty` both call seedDemoData) is a
// change to the store like any other: each batch it stores has its audit entry, written in the
// batch's own transaction, and seeding again adds neither data nor entries.

const now = new Date('2026-05-04T09:00:00.000Z');
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
});
afterAll(async () => {
  await store.close();
});

const seedEntries = async () =>
  (await listAudit(store.db, { limit: 1000, offset: 0 })).items.filter(
    (e) => e.actor === DEMO_ACTOR,
  );

const count = async (query: string): Promise<number> =>
  Number((await sql<{ n: number }>`${sql.raw(query)}`.execute(store.db)).rows[0]!.n);

describe(`demo seeding in the audit log (${storeName})`, () => {
  it('writes one entry for the registry, one for the activity and one per demo account', async () => {
    await seedDemoData(store, now);
    const entries = await seedEntries();
    const paths = entries.map((e) => e.path).sort();
    expect(paths.filter((p) => p !== 'seed-demo accounts')).toEqual([
      'seed-demo activity',
      'seed-demo registry',
    ]);
    const accounts = entries.filter((e) => e.path === 'seed-demo accounts');
    expect(accounts).toHaveLength(
      await count('select count(*)::int as n from app_user where is_demo'),
    );
    for (const entry of entries) {
      expect(entry).toMatchObject({ method: 'SEED', role: 'system', status: 0, before: null });
    }
    const registry = entries.find((e) => e.path === 'seed-demo registry')!;
    expect(registry.after).toMatchObject({
      syntheticFacilities: await count('select count(*)::int as n from hospice where is_synthetic'),
    });
    const activity = entries.find((e) => e.path === 'seed-demo activity')!;
    expect(activity.after).toMatchObject({
      stays: await count(`select count(*)::int as n from stay where recorded_by = 'demo-seed'`),
      bedStatusEvents: await count(
        `select count(*)::int as n from bed_status_event where recorded_by = 'demo-seed'`,
      ),
    });
    // The demo password is in no entry.
    expect(JSON.stringify(entries)).not.toMatch(/palliamonitor-demo|password/i);
  });

  it('seeding again stores nothing and logs nothing', async () => {
    const before = (await seedEntries()).length;
    expect(await seedDemoData(store, now)).toBe('demo data already present; nothing added');
    expect(await seedEntries()).toHaveLength(before);
  });
});
