import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHospice, type Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeActors } from './security-fixtures';

// Organisation and funding forms side by side: facilities, beds, occupancy and cost per care
// model, funding form and umbrella, for a region and for the nation with its regional mix.

const now = new Date('2026-03-15T10:00:00Z');
let store: Store;
let app: App;
let formal: string;

interface Group {
  key: string;
  facilities: number;
  beds: number;
  bedShare: number;
  bedDays: number;
  occupancy: number | null;
  cost: number;
}

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => now });
  const make = async (name: string, gemeenteCode: string, beds: number, extra: object) =>
    (
      await createHospice(
        store.db,
        {
          name,
          place: 'Ergens',
          gemeenteCode,
          type: 'bth',
          licensedBeds: beds,
          openedOn: '2020-01-01',
          ...extra,
        },
        { actor: 'test', now },
      )
    ).id;
  formal = await make('Hospice Formeel', 'GM0344', 8, {
    careModel: 'formal-care-with-stay',
    funding: ['wlz', 'donations'],
    umbrellas: ['ahzn'],
  });
  await make('Bijna Thuis Huis', 'GM0344', 4, {
    careModel: 'stay-with-informal-care',
    funding: ['subsidy-ptz'],
    umbrellas: ['vptz'],
  });
  await make('Hospice Zonder Opgave', 'GM0363', 6, {});
  const actors = await makeActors(app, store, formal, now);
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/hospices/${formal}/returns/2025-10`,
    headers: actors['administrator']!.headers,
    payload: {
      occupiedStart: 0,
      admissions: 10,
      departuresDied: 10,
      departuresDischargedHome: 0,
      departuresTransferred: 0,
      occupiedEnd: 0,
      bedDays: 124,
      refusals: 0,
    },
  });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const group = (groups: Group[], key: string) => groups.find((g) => g.key === key)!;

describe(`organisation and funding forms (${storeName})`, () => {
  it('groups a region’s facilities by care model, funding form and umbrella', async () => {
    const res = await app.inject('/api/v1/regions/ZK23/organisation');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ region: 'ZK23', facilities: 2, beds: 12, mix: [] });
    const perBedDay = body.costPerBedDay.value as number;
    expect(perBedDay).toBeGreaterThan(0);
    expect(body.costPerBedDay.provenance).toBe('assumed');
    const formalGroup = group(body.groups.careModel, 'formal-care-with-stay');
    expect(formalGroup).toMatchObject({ facilities: 1, beds: 8, bedDays: 124 });
    expect(formalGroup.bedShare).toBeCloseTo(8 / 12);
    expect(formalGroup.cost).toBeCloseTo(124 * perBedDay);
    // October 2025: 124 bed-days of 8 beds × 31 nights.
    expect(formalGroup.occupancy).toBeCloseTo(124 / (8 * 31));
    expect(group(body.groups.careModel, 'stay-with-informal-care')).toMatchObject({
      beds: 4,
      bedDays: 0,
    });
    // Two funding forms: the facility counts under each.
    expect(group(body.groups.funding, 'wlz').beds).toBe(8);
    expect(group(body.groups.funding, 'donations').beds).toBe(8);
    expect(group(body.groups.funding, 'subsidy-ptz').beds).toBe(4);
    expect(group(body.groups.umbrella, 'vptz').facilities).toBe(1);
  });

  it('gives the nation with its regional mix, and facilities without details as unknown', async () => {
    const body = (await app.inject('/api/v1/regions/NL/organisation')).json();
    expect(body).toMatchObject({ region: 'NL', facilities: 3, beds: 18 });
    expect(group(body.groups.careModel, 'unknown')).toMatchObject({ facilities: 1, beds: 6 });
    expect(body.mix.map((m: { code: string }) => m.code)).toEqual(['ZK02', 'ZK23']);
    const utrecht = body.mix.find((m: { code: string }) => m.code === 'ZK23');
    expect(utrecht.beds).toBe(12);
  });

  it('refuses what is not a zorgkantoorregio or NL with the failing field', async () => {
    for (const code of ['GM0344', 'PV26', 'zk23']) {
      const res = await app.inject(`/api/v1/regions/${code}/organisation`);
      expect(res.statusCode, code).toBe(400);
      expect(res.body).toContain('code');
    }
    expect((await app.inject('/api/v1/regions/ZK99/organisation')).statusCode).toBe(404);
  });
});
