import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoActivity, seedDemoRegistry, type Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

// Cost on top of the forecast, and the viability signal on demo history: thirteen months of
// simulated movements and bed status for every demo facility, one hospice that sends monthly
// returns instead, and one that sends nothing.

const now = new Date('2026-03-15T10:00:00Z');
const PERIOD = { from: '2025-03-01', to: '2026-02-28' };
let store: Store;
let app: App;
let withReturns: string;
let silent: string;

beforeAll(async () => {
  store = await openTestStore();
  await seedDemoRegistry(store.db, now);
  await seedDemoActivity(store.db, now, { months: 13 });
  app = await asAdmin(await buildApp(store, { now: () => now }), store);
  withReturns = await createUtrechtHospice(store, 'Hospice Maandopgave', 4, now);
  silent = await createUtrechtHospice(store, 'Hospice Zonder Gegevens', 5, now);
  // Three of four beds occupied every night of the twelve months: 75%.
  for (let i = 0; i < 12; i++) {
    const start = new Date(Date.UTC(2025, 2 + i, 1));
    const month = start.toISOString().slice(0, 7);
    const days = new Date(Date.UTC(2025, 3 + i, 0)).getUTCDate();
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${withReturns}/returns/${month}`,
      payload: {
        occupiedStart: 3,
        admissions: 0,
        departuresDied: 0,
        departuresDischargedHome: 0,
        departuresTransferred: 0,
        occupiedEnd: 3,
        bedDays: 3 * days,
        refusals: 0,
      },
    });
    expect(res.statusCode).toBe(200);
  }
}, 600_000);
afterAll(async () => {
  await app.close();
  await store.close();
});

interface Signal {
  hospiceId: string;
  signal: string;
  label: string;
  occupancy: number | null;
  bedDays: number;
  bedDaysAvailable: number;
  dataShare: number;
}

describe(`viability (${storeName})`, () => {
  let region: Signal & { hospices: Signal[]; thresholds: Array<{ name: string }> };

  beforeAll(async () => {
    const res = await app.inject('/api/v1/regions/ZK23/viability');
    expect(res.statusCode).toBe(200);
    region = res.json();
  });

  it('lists every hospice of the region over the last twelve whole months, labelled synthetic', async () => {
    const body = region as unknown as { period: object; isSynthetic: boolean; scope: object };
    expect(body.period).toEqual({ from: '2025-03', to: '2026-02' });
    expect(body.isSynthetic).toBe(true);
    expect(body.scope).toMatchObject({ kind: 'zorgkantoorregio', code: 'ZK23' });
    const ids = region.hospices.map((h) => h.hospiceId);
    expect(ids).toContain(withReturns);
    expect(ids).toContain(silent);
    expect(region.hospices.length).toBeGreaterThan(5);
    expect(region.thresholds.map((t) => t.name)).toEqual(['under', 'over', 'minDataShare']);
  });

  it('a demo hospice’s bed-days are the nights its guests stayed, counted from the stays', async () => {
    const demo = region.hospices.find((h) => h.hospiceId !== withReturns && h.bedDays > 0)!;
    const stays = await store.db
      .selectFrom('stay')
      .select(['admitted_on', 'departed_on'])
      .where('hospice_id', '=', demo.hospiceId)
      .execute();
    // Midnight census: a guest occupies a bed on each day from admission up to the day before
    // departure.
    let nights = 0;
    for (const s of stays) {
      const first = s.admitted_on > PERIOD.from ? s.admitted_on : PERIOD.from;
      const departed = s.departed_on ?? '9999-12-31';
      const lastDay = new Date(Date.parse(departed) - 86_400_000).toISOString().slice(0, 10);
      const last = lastDay < PERIOD.to ? lastDay : PERIOD.to;
      if (last >= first) {
        nights += (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1;
      }
    }
    expect(demo.bedDays).toBe(nights);
    expect(demo.occupancy).toBeCloseTo(nights / demo.bedDaysAvailable, 12);
  });

  it('each demo signal follows from its occupancy, its data share and the thresholds', async () => {
    const signals = new Set<string>();
    for (const h of region.hospices) {
      const expected =
        h.occupancy === null || h.dataShare < 0.5
          ? 'unknown'
          : h.occupancy < 0.6
            ? 'under-occupied'
            : h.occupancy > 0.9
              ? 'over-occupied'
              : 'within-range';
      expect(h.signal).toBe(expected);
      signals.add(h.signal);
    }
    // The demo has houses from half empty to full: more than one kind of signal.
    expect(signals.size).toBeGreaterThan(1);
  });

  it('a hospice that sends monthly returns: its returns cover every day, 3 of 4 beds = 75%', async () => {
    const res = await app.inject(`/api/v1/hospices/${withReturns}/viability`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scope).toMatchObject({ kind: 'hospice', code: withReturns });
    expect(body.isSynthetic).toBe(false);
    expect(body.dataShare).toBe(1);
    expect(body.bedDays).toBe(3 * 365);
    expect(body.bedDaysAvailable).toBe(4 * 365);
    expect(body.occupancy).toBe(0.75);
    expect(body).toMatchObject({ signal: 'within-range', label: 'binnen de marge' });
    // The same house under a 80% threshold is under-occupied.
    const strict = (await app.inject(`/api/v1/hospices/${withReturns}/viability?under=0.8`)).json();
    expect(strict).toMatchObject({ signal: 'under-occupied', label: 'onderbezetting' });
    expect(strict.thresholds[0]).toMatchObject({
      name: 'under',
      value: 0.8,
      source: 'given with the request',
    });
    const full = (
      await app.inject(`/api/v1/hospices/${withReturns}/viability?under=0.5&over=0.7`)
    ).json();
    expect(full).toMatchObject({ signal: 'over-occupied', label: 'overbezetting' });
  });

  it('a hospice without data is unknown ("onbekend"), not under-occupied', async () => {
    const body = (await app.inject(`/api/v1/hospices/${silent}/viability`)).json();
    expect(body).toMatchObject({
      signal: 'unknown',
      label: 'onbekend',
      occupancy: null,
      dataShare: 0,
    });
    expect(region.hospices.find((h) => h.hospiceId === silent)!.signal).toBe('unknown');
  });

  it('demanding data on every day makes the demo houses unknown (they skip days)', async () => {
    const body = (await app.inject('/api/v1/regions/ZK23/viability?minDataShare=1')).json();
    for (const h of body.hospices as Signal[]) {
      expect(h.signal).toBe(h.dataShare < 1 || h.occupancy === null ? 'unknown' : h.signal);
    }
    const demo = (body.hospices as Signal[]).filter((h) => h.hospiceId !== withReturns);
    expect(demo.every((h) => h.signal === 'unknown')).toBe(true);
  });

  it.each([
    ['under=0.9&over=0.6', 'under', 'viability.underNotBelowOver'],
    ['over=0.5', 'over', 'viability.underNotBelowOver'],
    ['under=1.5', 'under', 'schema.maximum'],
    ['minDataShare=-0.1', 'minDataShare', 'schema.minimum'],
    ['under=abc', 'under', 'schema.type'],
    ['threshold=0.5', 'threshold', 'schema.additionalProperties'],
  ])('?%s → 400 naming %s (%s)', async (query, field, code) => {
    const res = await app.inject(`/api/v1/hospices/${withReturns}/viability?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const issues = res.json().invalidParams;
    expect(issues.map((i: { name: string }) => i.name)).toEqual([field]);
    expect(issues[0].code).toBe(code);
  });

  it('an unknown hospice or region is 404', async () => {
    expect((await app.inject('/api/v1/hospices/no-such-hospice/viability')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/regions/ZK99/viability')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/regions/XX/viability')).statusCode).toBe(400);
  });
});

describe(`cost (${storeName})`, () => {
  it('adds bed-days and cost to each forecast row; the default €/bed-day is derived from Gupta', async () => {
    const res = await app.inject('/api/v1/regions/ZK23/cost?scenario=baseline&from=2024&to=2030');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.scenario.id).toBe('baseline');
    const perBedDay = body.inputs.find((i: { name: string }) => i.name === 'costPerBedDay');
    expect(perBedDay).toMatchObject({ provenance: 'assumed', unit: 'EUR/bed-day' });
    expect(perBedDay.value).toBeCloseTo(240e6 / 12_000 / 22, 9);
    expect(perBedDay.source).toMatch(/^derived/);
    const forecast = (
      await app.inject('/api/v1/regions/ZK23/forecast?scenario=baseline&from=2024&to=2030')
    ).json();
    expect(body.rows).toHaveLength(7);
    body.rows.forEach((row: Record<string, number>, i: number) => {
      // The forecast's figures pass through unchanged.
      expect(row).toMatchObject(forecast.rows[i]);
      expect(row['bedDays']).toBeCloseTo(row['offeredLoad']! * 365, 9);
      expect(row['cost']).toBeCloseTo(row['bedDays']! * perBedDay.value, 6);
      expect(row['bedDaysCurrentBeds']).toBeCloseTo(
        row['bedDays']! * (1 - row['refusalShareCurrentBeds']!),
        6,
      );
    });
  });

  it('NL at the baseline: requests × stay × €909 per bed-day', async () => {
    const body = (await app.inject('/api/v1/regions/NL/cost?from=2024&to=2024')).json();
    const row = body.rows[0];
    expect(row.cost).toBeCloseTo(row.hospiceRequests * row.meanLengthOfStay * (20_000 / 22), 0);
  });

  it('a given cost per bed-day replaces the derived one and says so', async () => {
    const body = (
      await app.inject('/api/v1/regions/ZK23/cost?from=2030&to=2030&costPerBedDay=500')
    ).json();
    const perBedDay = body.inputs.find((i: { name: string }) => i.name === 'costPerBedDay');
    expect(perBedDay).toMatchObject({
      value: 500,
      source: 'given with the request (costPerBedDay)',
    });
    expect(body.rows[0].cost).toBeCloseTo(body.rows[0].bedDays * 500, 6);
  });

  it.each([
    ['costPerBedDay=-1', 'costPerBedDay', 'schema.minimum'],
    ['costPerBedDay=abc', 'costPerBedDay', 'schema.type'],
    ['scenario=nope', 'scenario', 'scenario.unknown'],
    ['from=2030&to=2025', 'to', 'period.toBeforeFrom'],
    ['from=1900', 'from', 'schema.minimum'],
    ['price=3', 'price', 'schema.additionalProperties'],
  ])('?%s → 400 naming %s (%s)', async (query, field, code) => {
    const res = await app.inject(`/api/v1/regions/ZK23/cost?${query}`);
    expect(res.statusCode).toBe(400);
    const issues = res.json().invalidParams;
    expect(issues.map((i: { name: string }) => i.name)).toEqual([field]);
    expect(issues[0].code).toBe(code);
  });

  it('an unknown region is 404, a malformed one 400', async () => {
    expect((await app.inject('/api/v1/regions/ZK99/cost')).statusCode).toBe(404);
    expect((await app.inject('/api/v1/regions/GM0344/cost')).statusCode).toBe(400);
  });
});
