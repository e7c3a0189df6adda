import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmBedStatus, setBedStatus } from '../src/collection/bed-status.repository';
import { getStatistics } from '../src/collection/statistics.repository';
import { seedDemoActivity } from '../src/demo/demo-activity';
import { seedDemoRegistry } from '../src/demo/demo-seed';
import type { Store } from '../src/store/store';
import { openTestStore, storeName } from './test-store';

// The state the public read path keeps (migration 0007: current bed status, latest event per
// hospice-day, first day of registered activity) must always equal what the logs say. Here it is
// recomputed from scratch over the demo history plus live writes, and the figures computed from the
// kept state are compared with the figures after the state was rebuilt from the logs.

const now = new Date('2026-03-15T10:00:00Z');
let store: Store;

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  await seedDemoActivity(store.db, now, { months: 3 });
  // Writes as the API makes them, after the bulk seed: updates and confirmations, one at a time.
  const some = await store.db
    .selectFrom('bed_status_current')
    .select(['hospice_id', 'beds_open'])
    .orderBy('hospice_id')
    .limit(5)
    .execute();
  for (const [i, h] of some.entries()) {
    const at = new Date(now.getTime() + (i + 1) * 60_000);
    await setBedStatus(
      store.db,
      h.hospice_id,
      { bedsOpen: h.beds_open, bedsOccupied: 0 },
      { actor: 'test', now: at },
      { freshnessHours: 24 },
    );
    await confirmBedStatus(
      store.db,
      h.hospice_id,
      { actor: 'test', now: new Date(at.getTime() + 1000) },
      { freshnessHours: 24 },
    );
  }
});
afterAll(async () => {
  await store.close();
});

const fromScratch = {
  current: sql`
    select l.hospice_id, l.id as event_id, l.kind, l.beds_open, l.beds_occupied, l.beds_closed,
      l.closed_reason, l.admission_stop, l.recorded_at, l.recorded_by, ch.recorded_at as changed_at
    from (select distinct on (hospice_id) * from bed_status_event order by hospice_id, id desc) l
    left join (select distinct on (hospice_id) hospice_id, recorded_at from bed_status_event
        where kind <> 'confirm' order by hospice_id, id desc) ch on ch.hospice_id = l.hospice_id
    order by l.hospice_id`,
  day: sql`
    select hospice_id, (recorded_at at time zone 'Europe/Amsterdam')::date as day,
      max(recorded_at) as last_at
    from bed_status_event group by 1, 2 order by 1, 2`,
  activity: sql`
    select hospice_id, min(day) as events_from from (
      select hospice_id, admitted_on as day from stay
      union all select hospice_id, refused_on from refusal) a
    group by hospice_id order by hospice_id`,
};

const kept = {
  current: sql`
    select hospice_id, event_id, kind, beds_open, beds_occupied, beds_closed, closed_reason,
      admission_stop, recorded_at, recorded_by, changed_at
    from bed_status_current order by hospice_id`,
  day: sql`select hospice_id, day, last_at from bed_status_day order by 1, 2`,
  activity: sql`select hospice_id, events_from from hospice_activity order by hospice_id`,
};

const rows = async (query: (typeof kept)['day']) => (await query.execute(store.db)).rows;

describe(`kept read state (${storeName})`, () => {
  it('equals a recomputation from the event logs', async () => {
    for (const name of ['current', 'day', 'activity'] as const) {
      const recomputed = await rows(fromScratch[name]);
      expect(recomputed.length, name).toBeGreaterThan(200);
      expect(await rows(kept[name]), name).toEqual(recomputed);
    }
    // The live writes are the current state, with the update as the last change.
    const latest = await store.db
      .selectFrom('bed_status_current')
      .selectAll()
      .where('recorded_by', '=', 'test')
      .execute();
    expect(latest).toHaveLength(5);
    expect(latest.every((r) => r.kind === 'confirm' && r.changed_at !== r.recorded_at)).toBe(true);
  });

  it('gives the same national and regional figures as state rebuilt from the logs', async () => {
    const figures = () =>
      Promise.all(
        [
          { code: 'NL', period: 'month' as const },
          { code: 'NL', period: 'year' as const },
          { code: 'ZK23', period: 'month' as const },
          { code: 'PV26', period: 'month' as const },
        ].map(({ code, period }) =>
          getStatistics(
            store.db,
            { kind: 'region', code },
            { period, daily: true, byHospice: code !== 'NL' },
            { now: new Date(now.getTime() + 3_600_000), freshnessHours: 24 },
          ),
        ),
      );
    const fromKept = await figures();
    await store.db.transaction().execute(async (trx) => {
      for (const table of ['bed_status_current', 'bed_status_day', 'hospice_activity']) {
        await sql`delete from ${sql.table(table)}`.execute(trx);
      }
      await sql`insert into bed_status_current (hospice_id, event_id, kind, beds_open,
        beds_occupied, beds_closed, closed_reason, admission_stop, recorded_at, recorded_by,
        changed_at) ${fromScratch.current}`.execute(trx);
      await sql`insert into bed_status_day (hospice_id, day, last_at) ${fromScratch.day}`.execute(
        trx,
      );
      await sql`insert into hospice_activity (hospice_id, events_from) ${fromScratch.activity}`.execute(
        trx,
      );
    });
    const rebuilt = await figures();
    expect(fromKept[0]!.items.some((i) => i.bedDays > 0 && i.freshDataShare! > 0)).toBe(true);
    expect(fromKept).toEqual(rebuilt);
  });
});
