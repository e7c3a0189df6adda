import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeFigures, type ScopeInterval, type StayFact } from '@palliamonitor/model';
import { admitGuest, departGuest } from '../src/collection/stays.repository';
import { getStatistics, statisticsRange } from '../src/collection/statistics.repository';
import { loadFacts } from '../src/collection/statistics-facts';
import { dutchDate } from '../src/dates';
import type { Store } from '../src/store/store';
import { createUtrechtHospice, openTestStore, storeName } from './test-store';

// The figures of a period read only the stays admitted or departed in it and count those that span
// it (statistics-facts.ts). Here they are compared with the direct computation from every stay
// there is, over years of history with long stays, stays still present since long ago, and writes
// dated back into closed periods after the history was in place.

const now = new Date('2026-03-15T10:00:00Z');
const ctx = { actor: 'test', now };
let store: Store;
let ids: string[];

/** A fixed sequence of numbers in [0, 1): the same history on every run. */
function sequence(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/** Stays from 2021 on: most a few weeks, some over a year, some still present after years. */
async function seedHistory(hospiceId: string, seed: number): Promise<void> {
  const next = sequence(seed);
  const kinds = ['died', 'discharged-home', 'transferred'] as const;
  const rows = [];
  for (let day = '2021-01-03'; day < '2026-03-10'; day = addDays(day, 1 + Math.floor(next() * 9))) {
    const r = next();
    const length = r < 0.05 ? 200 + Math.floor(next() * 600) : Math.floor(next() * 40);
    const departed = addDays(day, length);
    const open = r > 0.97 || departed > '2026-03-14';
    rows.push({
      id: `${hospiceId}-${rows.length}`,
      hospice_id: hospiceId,
      admitted_on: day,
      origin: 'home' as const,
      departed_on: open ? null : departed,
      departure_kind: open ? null : kinds[Math.floor(next() * 3)]!,
      recorded_at: now.toISOString(),
      recorded_by: 'test',
    });
    if (next() < 0.3) {
      await store.db
        .insertInto('refusal')
        .values({
          hospice_id: hospiceId,
          refused_on: day,
          count: 1 + Math.floor(next() * 3),
          recorded_at: now.toISOString(),
          recorded_by: 'test',
        })
        .execute();
    }
  }
  await store.db.insertInto('stay').values(rows).execute();
}

beforeAll(async () => {
  store = await openTestStore();
  ids = [];
  for (const [i, beds] of [40, 50, 60].entries()) {
    const id = await createUtrechtHospice(store, `Hospice ${i}`, beds, now);
    await sql`update hospice_version set valid_from = '2020-01-01' where hospice_id = ${id}`.execute(
      store.db,
    );
    await seedHistory(id, 17 + i);
    ids.push(id);
  }
});
afterAll(async () => {
  await store.close();
});

/** The figures computed from every stay of the hospices, with the facts getStatistics reads. */
async function direct(
  scopeIds: string[],
  query: { from?: string; to?: string; period: 'month' | 'year' },
) {
  const today = dutchDate(now);
  const { from, to } = statisticsRange(query, today);
  const stays: StayFact[] = (
    await store.db
      .selectFrom('stay')
      .select(['hospice_id', 'admitted_on', 'departed_on', 'departure_kind'])
      .where('hospice_id', 'in', scopeIds)
      .execute()
  ).map((r) => ({
    hospiceId: r.hospice_id,
    admittedOn: r.admitted_on,
    departedOn: r.departed_on,
    departureKind: r.departure_kind,
  }));
  const versions = await store.db
    .selectFrom('hospice_version')
    .select(['hospice_id', 'licensed_beds'])
    .where('hospice_id', 'in', scopeIds)
    .execute();
  const intervals: ScopeInterval[] = versions.map((v) => ({
    hospiceId: v.hospice_id,
    from,
    to,
    licensedBeds: v.licensed_beds,
  }));
  const window = { from, to, today, now, freshnessHours: 24 };
  const { synthetic: _synthetic, ...facts } = await loadFacts(store.db, scopeIds, true, window);
  return computeFigures({
    from,
    to,
    period: query.period,
    intervals,
    stays,
    ...facts,
    now,
    freshnessHours: 24,
    daily: true,
  });
}

const QUERIES = [
  { period: 'month' as const },
  { period: 'year' as const },
  { period: 'month' as const, from: '2023-02', to: '2023-07' },
  { period: 'year' as const, from: '2021', to: '2024' },
];

async function expectSameAsDirect(): Promise<void> {
  for (const query of QUERIES) {
    const region = await getStatistics(
      store.db,
      { kind: 'region', code: 'ZK23' },
      { ...query, daily: true, byHospice: true },
      { now, freshnessHours: 24 },
    );
    const expected = await direct(ids, query);
    expect(region.items, JSON.stringify(query)).toEqual(expected.items);
    expect(region.daily, JSON.stringify(query)).toEqual(expected.daily);
    for (const id of ids) {
      const one = region.hospices!.find((h) => h.hospiceId === id)!;
      expect(one.items, `${id} ${JSON.stringify(query)}`).toEqual(
        (await direct([id], query)).items,
      );
    }
  }
}

describe(`period figures over a long history (${storeName})`, () => {
  it('equal the direct computation from every stay', async () => {
    const spanning = await sql<{ n: number }>`select count(*) as n from stay
      where admitted_on < '2023-02-01' and (departed_on is null or departed_on > '2023-07-31')`.execute(
      store.db,
    );
    // The history holds what the split is about: stays that span a whole window.
    expect(Number(spanning.rows[0]!.n)).toBeGreaterThan(3);
    await expectSameAsDirect();
  });

  it('still equal it after admissions and departures dated back into closed periods', async () => {
    const [first, second, third] = ids as [string, string, string];
    // A stay since 2022 that is still present, and one entered complete across 2023's windows.
    await admitGuest(store.db, first, { admittedOn: '2022-06-01', origin: 'hospital' }, ctx);
    await admitGuest(
      store.db,
      second,
      {
        admittedOn: '2023-01-20',
        origin: 'home',
        departure: { departedOn: '2023-09-02', kind: 'died' },
      },
      ctx,
    );
    // A present guest of long ago now recorded as departed in a past window.
    const present = await store.db
      .selectFrom('stay')
      .select('id')
      .where('hospice_id', '=', third)
      .where('departed_on', 'is', null)
      .where('admitted_on', '<', '2023-01-01')
      .orderBy('admitted_on')
      .executeTakeFirstOrThrow();
    await departGuest(
      store.db,
      third,
      present.id,
      { departedOn: '2023-04-11', kind: 'transferred' },
      ctx,
    );
    await expectSameAsDirect();
  });
});
