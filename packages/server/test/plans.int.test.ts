import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// A regisseur records the region's bed agreement: targets per year and effective-dated changes
// with a status. The plan is read against the beds the capacity engine says are needed; every
// save is a version; bad input and other callers change nothing.

let store: Store;
let app: App;
let hospiceA: string;
let actors: Record<string, Actor>;
const now = new Date('2026-03-10T09:00:00Z');
const url = '/api/v1/regions/ZK23/plan';

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => now });
  hospiceA = await createUtrechtHospice(store, 'Hospice Plan', 6, now);
  actors = await makeActors(app, store, hospiceA, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const headers = (who: string) => actors[who]!.headers;

interface Year {
  year: number;
  currentBeds: number;
  plannedBeds: number;
  agreedBeds: number;
  targetBeds: number | null;
  bedsNeeded: { p10: number; p50: number; p90: number };
  verdict: string;
}

function firstPlan() {
  return {
    baseVersion: 0,
    changeNote: 'Afspraak regiotafel maart',
    targets: [{ year: 2030, beds: 60 }],
    changes: [
      {
        kind: 'expand',
        hospiceId: hospiceA,
        locationName: null,
        beds: 5,
        effectiveOn: '2028-01-01',
        status: 'agreed',
        note: 'Tweede verdieping',
      },
      {
        kind: 'open',
        hospiceId: null,
        locationName: 'Nieuwe locatie Zeist',
        beds: 8,
        effectiveOn: '2030-06-01',
        status: 'planned',
        note: '',
      },
      {
        kind: 'open',
        hospiceId: null,
        locationName: 'Misschien Houten',
        beds: 4,
        effectiveOn: '2029-01-01',
        status: 'idea',
        note: '',
      },
    ],
  };
}

describe(`regional bed plans (${storeName})`, () => {
  it('before any save: version 0, every year to 2050 with today’s beds and the engine’s need', async () => {
    const res = await app.inject({ url: `${url}?draws=50` });
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ region: 'ZK23', version: 0, savedAt: null, changes: [] });
    const years = plan.years as Year[];
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 25 }, (_, i) => 2026 + i));
    const forecast = (
      await app.inject({
        url: '/api/v1/regions/ZK23/forecast?uncertainty=true&draws=50&seed=1&from=2026',
      })
    ).json();
    for (const [i, y] of years.entries()) {
      const row = forecast.rows[i];
      expect(y.year).toBe(row.year);
      expect(y.bedsNeeded).toEqual(row.bedsNeededErlang);
      expect(y.currentBeds).toBe(row.currentBeds.p50);
      expect(y.plannedBeds).toBe(y.currentBeds);
      expect(y.bedsNeeded.p10).toBeLessThanOrEqual(y.bedsNeeded.p90);
    }
  });

  it('the regisseur saves a plan; planned and agreed beds follow the effective dates and statuses', async () => {
    const res = await app.inject({
      method: 'PUT',
      url,
      headers: headers('regisseur'),
      payload: firstPlan(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, savedBy: 'regisseur' });
    expect(res.body).not.toContain('@');

    const plan = (await app.inject({ url: `${url}?draws=50` })).json();
    expect(plan.version).toBe(1);
    expect(plan.changes.map((c: { id: string }) => c.id)).toEqual(['c1', 'c2', 'c3']);
    const by = new Map((plan.years as Year[]).map((y) => [y.year, y]));
    const today = by.get(2026)!.currentBeds;
    expect([2027, 2028, 2029, 2030, 2050].map((y) => by.get(y)!.plannedBeds)).toEqual([
      today,
      today + 5,
      today + 5,
      today + 13,
      today + 13,
    ]);
    expect(by.get(2030)!.agreedBeds).toBe(today + 5);
    expect(by.get(2030)!.targetBeds).toBe(60);
    expect(by.get(2029)!.targetBeds).toBeNull();
    for (const y of by.values()) {
      const expected =
        y.plannedBeds < y.bedsNeeded.p10
          ? 'short'
          : y.plannedBeds > y.bedsNeeded.p90
            ? 'over'
            : 'within';
      expect(y.verdict).toBe(expected);
    }
  });

  it('a save on an old version is refused (409) and changes nothing; a save on the current one is version 2', async () => {
    const stale = await app.inject({
      method: 'PUT',
      url,
      headers: headers('regisseur'),
      payload: { ...firstPlan(), changes: [] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().invalidParams[0]).toMatchObject({
      name: 'baseVersion',
      code: 'plan.versionMoved',
    });
    const current = (await app.inject({ url: `${url}?draws=2` })).json();
    expect(current.version).toBe(1);

    const changes = current.changes.map((c: { id: string; beds: number }) =>
      c.id === 'c1' ? { ...c, beds: 6 } : c,
    );
    const next = await app.inject({
      method: 'PUT',
      url,
      headers: headers('regisseur'),
      payload: { baseVersion: 1, changeNote: 'Zes bedden', targets: current.targets, changes },
    });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({
      version: 2,
      differences: [{ what: 'change', key: 'c1' }],
    });
    expect(next.json().differences[0].before.beds).toBe(5);
    expect(next.json().differences[0].after.beds).toBe(6);
  });

  it('keeps every version with who, when and what; the analyst reads it, the public does not', async () => {
    const res = await app.inject({ url: `${url}/versions`, headers: headers('national-analyst') });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(items[1]).toMatchObject({
      savedBy: 'regisseur',
      savedAt: now.toISOString(),
      changeNote: 'Afspraak regiotafel maart',
    });
    // The first version differs from nothing: its target and its three changes.
    expect(items[1].differences).toHaveLength(4);
    expect(res.body).not.toContain('@');
    expect((await app.inject({ url: `${url}/versions` })).statusCode).toBe(401);
    const audit = (
      await app.inject({ url: '/api/v1/audit-log?region=ZK23', headers: headers('regisseur') })
    ).json();
    expect(
      audit.items.filter(
        (e: { path: string; status: number }) => e.path === url && e.status === 200,
      ),
    ).toHaveLength(2);
  });

  it('refuses bad input with the failing field and changes nothing', async () => {
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [
        { ...firstPlan(), baseVersion: 2, targets: [{ year: 2051, beds: 3 }] },
        400,
        'targets.0.year',
      ],
      [{ ...firstPlan(), baseVersion: 2, extra: 1 }, 400, 'extra'],
      [
        {
          ...firstPlan(),
          baseVersion: 2,
          targets: [
            { year: 2030, beds: 1 },
            { year: 2030, beds: 2 },
          ],
        },
        422,
        'targets.1.year',
      ],
      [
        {
          ...firstPlan(),
          baseVersion: 2,
          changes: [{ ...firstPlan().changes[1]!, hospiceId: hospiceA }],
        },
        422,
        'changes.0.hospiceId',
      ],
      [
        {
          ...firstPlan(),
          baseVersion: 2,
          changes: [{ ...firstPlan().changes[0]!, effectiveOn: '2027-02-30' }],
        },
        400,
        'changes.0.effectiveOn',
      ],
      [
        {
          ...firstPlan(),
          baseVersion: 2,
          changes: [{ ...firstPlan().changes[0]!, kind: 'grow' }],
        },
        400,
        'changes.0.kind',
      ],
    ];
    for (const [payload, status, field] of cases) {
      const res = await app.inject({ method: 'PUT', url, headers: headers('regisseur'), payload });
      expect(res.statusCode, field).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(
        res.json().invalidParams.map((p: { name: string }) => p.name),
        field,
      ).toContain(field);
    }
    // A hospice of another region is not this region's to plan.
    const elsewhere = await app.inject({
      method: 'PUT',
      url: '/api/v1/regions/ZK01/plan',
      headers: headers('administrator'),
      payload: firstPlan(),
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().invalidParams[0]).toMatchObject({
      name: 'changes.0.hospiceId',
      code: 'plan.hospiceNotInRegion',
    });
    expect((await app.inject({ url: `${url}?draws=2` })).json().version).toBe(2);
    expect((await app.inject({ url: '/api/v1/regions/ZK01/plan?draws=2' })).json().version).toBe(0);
  });

  it('only the region’s own regisseur and administrators save', async () => {
    const put = (who: string, target = url) =>
      app.inject({ method: 'PUT', url: target, headers: headers(who), payload: firstPlan() });
    expect((await put('anonymous')).statusCode).toBe(401);
    expect((await put('national-analyst')).statusCode).toBe(403);
    expect((await put('hospice-editor')).statusCode).toBe(403);
    const other = await put('regisseur', '/api/v1/regions/ZK01/plan');
    expect(other.statusCode).toBe(403);
    expect(other.json().code).toBe('FORBIDDEN');
  });

  it('GET /plans answers all 31 regions in one request, and as CSV with the same numbers', async () => {
    const res = await app.inject({ url: '/api/v1/plans?draws=10' });
    expect(res.statusCode).toBe(200);
    const regions = res.json().regions as Array<{ region: string; version: number; years: Year[] }>;
    expect(regions).toHaveLength(31);
    expect(regions.find((r) => r.region === 'ZK23')!.version).toBe(2);
    expect(regions.filter((r) => r.version === 0)).toHaveLength(30);
    const csv = await app.inject({ url: '/api/v1/plans?draws=10&format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body, { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(31 * 25);
    const zk23 = regions.find((r) => r.region === 'ZK23')!;
    const row2030 = rows.find((r) => r['region'] === 'ZK23' && r['year'] === '2030')!;
    const y2030 = zk23.years.find((y) => y.year === 2030)!;
    expect(Number(row2030['planned_beds'])).toBe(y2030.plannedBeds);
    expect(Number(row2030['beds_needed_p50'])).toBe(y2030.bedsNeeded.p50);
    expect(row2030['target_beds']).toBe('60');
    expect(row2030['verdict']).toBe(y2030.verdict);
  });

  // Found by the fuzz: a facility registered without beds made the engine refuse the region (500).
  it('a facility registered without beds adds no capacity and breaks nothing', async () => {
    const before = (await app.inject({ url: `${url}?draws=2` })).json().years[0].currentBeds;
    await createUtrechtHospice(store, 'Hospice Zonder Bedden', 0, now);
    const res = await app.inject({ url: `${url}?draws=2` });
    expect(res.statusCode).toBe(200);
    expect(res.json().years[0].currentBeds).toBe(before);
  });
});
