import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { adminHeaders, roleHeaders } from './auth-helpers';

// The map indicators and the regional report show a region's month of refusals as the statistics
// do: two refusals in a region of one hospice could point at a person, so only those who may read
// the region's registrations (its regisseur, administrators) get the number; everyone else null.

let store: Store;
let app: App;
let admin: Record<string, string>;
const clock = new Date('2026-03-15T10:00:00Z');

const signedIn = (role: string, scope: string | null) => roleHeaders(app, store, role, scope);

const indicatorsOf = async (code: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ url: '/api/v1/regions/indicators', headers });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: { code: string }[] }>().items.find((r) => r.code === code);
};

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock, freshnessHours: 24 });
  admin = await adminHeaders(app, store);
  // The only hospice of Amsterdam (ZK02), with two refusals this month.
  const payload = { name: 'Hospice Klein', place: 'Amsterdam', gemeenteCode: 'GM0363' };
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/hospices',
    headers: admin,
    payload: {
      ...payload,
      latitude: 52.37,
      longitude: 4.9,
      type: 'bth',
      licensedBeds: 4,
      openedOn: '2020-05-01',
    },
  });
  expect(created.statusCode).toBe(201);
  const id = created.json<{ id: string }>().id;
  const refused = await app.inject({
    method: 'POST',
    url: `/api/v1/hospices/${id}/refusals`,
    headers: admin,
    payload: { date: '2026-03-14', count: 2 },
  });
  expect(refused.statusCode).toBe(201);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`small counts in the map indicators (${storeName})`, () => {
  it('are suppressed for the public, another region’s regisseur and an analyst', async () => {
    const others = [
      {},
      await signedIn('regisseur', 'ZK23'),
      await signedIn('national-analyst', null),
    ];
    for (const headers of others) {
      expect(await indicatorsOf('ZK02', headers)).toMatchObject({
        period: '2026-03',
        refusals: null,
        suppressed: ['refusals'],
      });
    }
  });

  it('are shown to the region’s regisseur and administrators', async () => {
    for (const headers of [await signedIn('regisseur', 'ZK02'), admin]) {
      expect(await indicatorsOf('ZK02', headers)).toMatchObject({
        period: '2026-03',
        refusals: 2,
        suppressed: [],
      });
    }
  });
});

describe(`small counts in the regional report (${storeName})`, () => {
  const march = async (headers: Record<string, string> = {}) => {
    const res = await app.inject({ url: '/api/v1/regions/ZK02/report', headers });
    expect(res.statusCode).toBe(200);
    const months = res.json<{ months: { period: string; suppressed?: string[] }[] }>().months;
    return months.find((m) => m.period === '2026-03');
  };

  it('are suppressed for the public and another region’s regisseur', async () => {
    for (const headers of [{}, await signedIn('regisseur', 'ZK23')]) {
      const month = await march(headers);
      expect(month).toMatchObject({ refusals: null });
      expect(month?.suppressed).toContain('refusals');
    }
    const pdf = await app.inject({ url: '/api/v1/regions/ZK02/report.pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('are shown to the region’s regisseur and administrators', async () => {
    for (const headers of [await signedIn('regisseur', 'ZK02'), admin]) {
      expect(await march(headers)).toMatchObject({ refusals: 2, suppressed: [] });
    }
  });
});
