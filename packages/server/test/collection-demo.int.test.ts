import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoActivity, seedDemoRegistry, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';

// The demo history: synthetic movements and bed status for every demo facility, consistent with
// its beds and labelled synthetic. Three months here keep the test quick; the seed uses 24.

const now = new Date('2026-03-15T10:00:00Z');
let store: Store;
let app: App;
let summary: Awaited<ReturnType<typeof seedDemoActivity>>;

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  summary = await seedDemoActivity(store.db, now, { months: 3 });
  app = await buildApp(store, { now: () => now });
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`demo history (${storeName})`, () => {
  it('gives every open demo facility stays and bed status, and seeding twice adds nothing', async () => {
    expect(summary!.facilities).toBeGreaterThan(250);
    expect(summary!.stays).toBeGreaterThan(summary!.facilities * 3);
    expect(summary!.bedStatusEvents).toBeGreaterThan(summary!.facilities * 50);
    expect(await seedDemoActivity(store.db, now, { months: 3 })).toBeNull();
  });

  it('the current bed status of each facility agrees with its current stays and its beds', async () => {
    const current = await store.db
      .selectFrom('stay')
      .select(['hospice_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('departed_on', 'is', null)
      .groupBy('hospice_id')
      .execute();
    const present = new Map(current.map((r) => [r.hospice_id, Number(r.n)]));
    const latest = await store.db
      .selectFrom('bed_status_event as e')
      .innerJoin('hospice_version as v', (join) =>
        join.onRef('v.hospice_id', '=', 'e.hospice_id').on('v.valid_to', 'is', null),
      )
      .distinctOn('e.hospice_id')
      .select([
        'e.hospice_id',
        'e.beds_occupied',
        'e.beds_open',
        'e.recorded_at',
        'v.licensed_beds',
      ])
      .orderBy('e.hospice_id')
      .orderBy('e.id', 'desc')
      .execute();
    expect(latest.length).toBe(summary!.facilities);
    for (const row of latest) {
      expect(row.beds_occupied).toBe(present.get(row.hospice_id) ?? 0);
      expect(row.beds_open).toBeLessThanOrEqual(row.licensed_beds);
      expect(Date.parse(row.recorded_at)).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('the figures are plausible and labelled synthetic', async () => {
    const body = (await app.inject('/api/v1/regions/NL/statistics?from=2026-01&to=2026-02')).json();
    expect(body.isSynthetic).toBe(true);
    for (const month of body.items) {
      expect(month.occupancy).toBeGreaterThan(0.4);
      expect(month.occupancy).toBeLessThan(0.95);
      expect(month.lengthOfStay.meanDays).toBeGreaterThan(12);
      expect(month.lengthOfStay.meanDays).toBeLessThan(35);
      expect(month.freshDataShare).toBeGreaterThan(0.5);
      expect(month.coverage.hospiceMonthsWithoutData).toBe(0);
    }
    const finder = (await app.inject('/api/v1/beds/available?near=Utrecht&radiusKm=40')).json();
    expect(finder.available.length).toBeGreaterThan(0);
    expect(finder.available.every((h: { isSynthetic: boolean }) => h.isSynthetic)).toBe(true);
  });
});
