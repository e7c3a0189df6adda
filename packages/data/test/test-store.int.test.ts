import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/store/migrate';
import { migrations } from '../src/store/migrations/index';
import { ensureReferenceData } from '../src/registry/reference-data';
import type { Store } from '../src/store/store';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// The embedded test stores start as copies of one store prepared for the whole run: each must
// still be complete (every migration, the reference data) and entirely its own.

const now = new Date('2026-06-01T12:00:00Z');
let first: Store;
let second: Store;
let bare: Store;

beforeAll(async () => {
  [first, second, bare] = [
    await openTestStore(),
    await openTestStore(),
    await openTestStore({ reference: false }),
  ];
});
afterAll(async () => {
  await Promise.all([first, second, bare].map((store) => store?.close()));
});

describe(`a test store (${storeName})`, () => {
  it('has every migration applied and the reference data loaded', async () => {
    expect(await migrateToLatest(first.db)).toEqual([]);
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(
      first.db,
    );
    expect(applied.rows.map((row) => row.name).sort()).toEqual(Object.keys(migrations).sort());
    // Nothing left to load: the division, places, population, boundaries and postcodes are in.
    expect(await ensureReferenceData(first.db)).toBe(false);
    const postcodes = await sql<{ n: number }>`select count(*)::int as n from postcode`.execute(
      first.db,
    );
    expect(postcodes.rows[0]!.n).toBeGreaterThan(4_000);
  });

  it('without reference data is migrated and empty', async () => {
    expect(await migrateToLatest(bare.db)).toEqual([]);
    const regions = await bare.db.selectFrom('region').select('code').execute();
    expect(regions).toEqual([]);
  });

  it('shares nothing with another test store', async () => {
    const id = await createUtrechtHospice(first, 'Hospice Alleen Hier', 4, now);
    const seen = (store: Store) =>
      store.db.selectFrom('hospice').select('id').where('id', '=', id).execute();
    expect(await seen(first)).toHaveLength(1);
    expect(await seen(second)).toHaveLength(0);
  });
});
