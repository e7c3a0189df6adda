import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { adminHeaders } from './auth-helpers';

// GET /regions/indicators answers every zorgkantoorregio's map indicators at once, with the same
// figures as the per-region routes it replaces on the overview page.

let store: Store;
let app: App;
const clock = new Date('2026-03-15T10:00:00Z');

interface Row {
  code: string;
  name: string;
  period: string | null;
  occupancy: number | null;
  refusals: number | null;
  freshDataShare: number | null;
  surplusNow: number | null;
  surplusInYear: number | null;
}

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock });
  const auth = await adminHeaders(app, store);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/hospices',
    headers: auth,
    payload: {
      name: 'Hospice Indicator',
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      type: 'bth',
      licensedBeds: 6,
      openedOn: '2020-01-01',
      latitude: 52.09,
      longitude: 5.12,
    },
  });
  expect(created.statusCode).toBe(201);
  const id = created.json<{ id: string }>().id;
  const put = await app.inject({
    method: 'PUT',
    url: `/api/v1/hospices/${id}/bed-status`,
    headers: auth,
    payload: { bedsOpen: 6, bedsOccupied: 3 },
  });
  expect(put.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`GET /regions/indicators (${storeName})`, () => {
  it('answers all 31 regions with the figures of the per-region routes', async () => {
    const res = await app.inject({ url: '/api/v1/regions/indicators?year=2040' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ asOf: string; currentYear: number; year: number; items: Row[] }>();
    expect(body).toMatchObject({ asOf: '2026-03-15', currentYear: 2026, year: 2040 });
    expect(body.items).toHaveLength(31);
    const utrecht = body.items.find((r) => r.code === 'ZK23')!;

    const forecast = await app.inject({
      url: '/api/v1/regions/ZK23/forecast?from=2026&to=2040',
    });
    const rows = forecast.json<{ rows: { year: number; gap: number }[] }>().rows;
    expect(utrecht.surplusNow).toBeCloseTo(-rows.find((r) => r.year === 2026)!.gap, 9);
    expect(utrecht.surplusInYear).toBeCloseTo(-rows.find((r) => r.year === 2040)!.gap, 9);

    // The monthly figures are those of the region's own statistics route, its latest month with data.
    for (const region of [utrecht, body.items.find((r) => r.code === 'ZK01')!]) {
      const stats = await app.inject({
        url: `/api/v1/regions/${region.code}/statistics?period=month`,
      });
      type Month = {
        period: string;
        occupancy: number | null;
        admissions: number;
        refusals: number;
        freshDataShare: number | null;
      };
      const months = stats.json<{ items: Month[] }>().items;
      const last =
        months.filter((m) => m.occupancy !== null || m.admissions > 0 || m.refusals > 0).at(-1) ??
        null;
      expect(region.period).toBe(last?.period ?? null);
      expect(region.occupancy).toBe(last?.occupancy ?? null);
      expect(region.refusals).toBe(last?.refusals ?? null);
      expect(region.freshDataShare).toBe(last?.freshDataShare ?? null);
    }
  });

  it('refuses a year outside the model with problem+json naming the field', async () => {
    const res = await app.inject({ url: '/api/v1/regions/indicators?year=1999' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toContain('year');
  });
});
