import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { REPORT_MONTH_SUPPRESSIBLE } from '@palliamonitor/contracts';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeMonthlyReports } from '../src/reports/monthly-reports';
import { adminHeaders, roleHeaders } from './auth-helpers';

// The map indicators and the regional report show a region's month of refusals as the statistics
// do: two refusals in a region of one hospice could point at a person, so only those who may read
// the region's registrations (its regisseur, administrators) get the number; everyone else null.

let store: Store;
let app: App;
let admin: Record<string, string>;
let clock = new Date('2026-03-15T10:00:00Z');

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

describe(`small counts in the kept monthly reports (${storeName})`, () => {
  type Month = Record<string, unknown> & { period: string; suppressed?: string[] };
  const keptMarch = async (code: string, headers: Record<string, string>) => {
    const res = await app.inject({ url: `/api/v1/regions/${code}/reports/2026-03`, headers });
    expect(res.statusCode).toBe(200);
    return res.json<{ months: Month[] }>().months.find((m) => m.period === '2026-03');
  };

  beforeAll(async () => {
    // March is kept in the first hours of April, as the monthly job does.
    clock = new Date('2026-04-02T06:00:00Z');
    const run = await makeMonthlyReports({ store, now: () => clock }, 24, ['ZK02', 'NL']);
    expect(run).toEqual({ month: '2026-03', made: ['ZK02', 'NL'] });
    admin = await adminHeaders(app, store); // the sessions of March have expired by now
  });

  it('are suppressed for readers who may not read the registrations: an analyst, a regisseur for the nation', async () => {
    const analyst = await signedIn('national-analyst', null);
    const otherRegisseur = await signedIn('regisseur', 'ZK23');
    for (const [code, headers] of [
      ['ZK02', analyst],
      ['NL', analyst],
      ['NL', otherRegisseur],
    ] as const) {
      const month = await keptMarch(code, headers);
      expect(month).toMatchObject({ refusals: null });
      expect(month?.suppressed).toContain('refusals');
    }
    const pdf = await app.inject({
      url: '/api/v1/regions/ZK02/reports/2026-03?format=pdf',
      headers: analyst,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  });

  it('are kept in full for the region’s regisseur and administrators', async () => {
    for (const [code, headers] of [
      ['ZK02', await signedIn('regisseur', 'ZK02')],
      ['ZK02', admin],
      ['NL', admin],
    ] as const) {
      expect(await keptMarch(code, headers)).toMatchObject({ refusals: 2, suppressed: [] });
    }
  });

  it('hide every suppressible figure of a report kept without its public cut', async () => {
    const full = await keptMarch('ZK02', admin);
    await sql`update kept_report set public_months = null where region_code = 'ZK02'`.execute(
      store.db,
    );
    const month = await keptMarch('ZK02', await signedIn('national-analyst', null));
    const shown = REPORT_MONTH_SUPPRESSIBLE.filter((field) => full?.[field] !== null);
    expect(shown).toContain('refusals');
    expect(month?.suppressed).toEqual(shown);
    for (const field of REPORT_MONTH_SUPPRESSIBLE) {
      expect(month?.[field]).toBeNull();
    }
    expect(month?.freshDataShare).toEqual(full?.freshDataShare);
  });
});
