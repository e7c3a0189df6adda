import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { adminHeaders, roleHeaders } from './auth-helpers';

// The statistics are public, but a hospice's month of two admissions could point at a person:
// small counts go only to those who may read the hospice's (or region's) registrations; everyone
// else gets them suppressed, as in the open data.

let store: Store;
let app: App;
let admin: Record<string, string>;
let id: string;
const clock = new Date('2026-03-15T10:00:00Z');

const signedIn = (role: string, scope: string | null) => roleHeaders(app, store, role, scope);

/** A hospice in Amsterdam (ZK02, GM0363), registered by the administrator. */
async function amsterdamHospice(name: string, licensedBeds: number): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/hospices',
    headers: admin,
    payload: {
      name,
      place: 'Amsterdam',
      gemeenteCode: 'GM0363',
      latitude: 52.37,
      longitude: 4.9,
      type: 'bth',
      licensedBeds,
      openedOn: '2020-05-01',
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}

const admit = (hospice: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/hospices/${hospice}/stays`, headers: admin, payload });

const february = async (path: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ url: `${path}?from=2026-02&to=2026-02`, headers });
  expect(res.statusCode).toBe(200);
  return res.json();
};

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock, freshnessHours: 24 });
  admin = await adminHeaders(app, store);
  // A hospice of 4 beds in Amsterdam (ZK02) with two guests in February: one died after 10 days.
  id = await amsterdamHospice('Hospice Klein', 4);
  const stays = [
    {
      admittedOn: '2026-02-01',
      origin: 'hospital',
      departure: { departedOn: '2026-02-11', kind: 'died' },
    },
    { admittedOn: '2026-02-05', origin: 'home' },
  ];
  for (const payload of stays) {
    expect((await admit(id, payload)).statusCode).toBe(201);
  }
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`small counts in the statistics (${storeName})`, () => {
  it('are suppressed for the public: null and named in the row', async () => {
    const body = await february(`/api/v1/hospices/${id}/statistics`);
    const month = body.items[0];
    expect(month).toMatchObject({
      admissions: null,
      departures: { total: null, died: null, dischargedHome: 0, transferred: 0 },
      lengthOfStay: { count: null, meanDays: null, medianDays: null },
      refusals: 0,
      bedDays: 34,
    });
    expect(month.suppressed).toEqual([
      'admissions',
      'departures.total',
      'departures.died',
      'lengthOfStay.count',
      'lengthOfStay.meanDays',
      'lengthOfStay.medianDays',
    ]);
    // The gemeente and the region hold only this hospice: the same counts, suppressed there too.
    for (const code of ['GM0363', 'ZK02']) {
      const region = await february(`/api/v1/regions/${code}/statistics`);
      expect(region.items[0]).toMatchObject({ admissions: null, suppressed: month.suppressed });
    }
  });

  it('are shown to the hospice’s own staff and its regisseur', async () => {
    const editor = await signedIn('hospice-editor', id);
    const regisseur = await signedIn('regisseur', 'ZK02');
    for (const headers of [editor, regisseur, admin]) {
      const month = (await february(`/api/v1/hospices/${id}/statistics`, headers)).items[0];
      expect(month).toMatchObject({
        admissions: 2,
        departures: { total: 1, died: 1 },
        lengthOfStay: { count: 1, meanDays: 10 },
        suppressed: [],
      });
    }
    const region = await february('/api/v1/regions/ZK02/statistics', regisseur);
    expect(region.items[0]).toMatchObject({ admissions: 2, suppressed: [] });
    const gemeente = await february('/api/v1/regions/GM0363/statistics', regisseur);
    expect(gemeente.items[0]).toMatchObject({ admissions: 2, suppressed: [] });
  });

  it('are suppressed for another region’s regisseur, a care professional and an analyst', async () => {
    for (const [role, scope] of [
      ['regisseur', 'ZK23'],
      ['care-professional', null],
      ['national-analyst', null],
    ] as const) {
      const headers = await signedIn(role, scope);
      const month = (await february(`/api/v1/hospices/${id}/statistics`, headers)).items[0];
      expect(month).toMatchObject({
        admissions: null,
        suppressed: expect.arrayContaining(['admissions']),
      });
      const region = await february('/api/v1/regions/ZK02/statistics', headers);
      expect(region.items[0].admissions).toBeNull();
    }
  });

  it('are empty cells in the CSV, named in its suppressed column', async () => {
    const res = await app.inject(
      `/api/v1/hospices/${id}/statistics?from=2026-02&to=2026-02&format=csv`,
    );
    expect(res.statusCode).toBe(200);
    const [header, line] = res.body.trim().split('\n');
    const columns = header!.split(',');
    const row = Object.fromEntries(line!.split(',').map((cell, i) => [columns[i], cell]));
    expect(row).toMatchObject({
      admissions: '',
      departures_total: '',
      departures_died: '',
      departures_discharged_home: '0',
      length_of_stay_mean_days: '',
      refusals: '0',
      suppressed:
        'admissions departures.total departures.died lengthOfStay.count lengthOfStay.meanDays lengthOfStay.medianDays',
    });
    const staff = await app.inject({
      url: `/api/v1/hospices/${id}/statistics?from=2026-02&to=2026-02&format=csv`,
      headers: admin,
    });
    expect(staff.body).toContain(',2,');
  });

  it('hide a second part where a total and the other parts would give a hidden one back', async () => {
    const big = await amsterdamHospice('Hospice Groot', 8);
    for (let day = 1; day <= 6; day += 1) {
      await admit(big, { admittedOn: `2026-02-0${day}`, origin: 'home' });
    }
    const body = (
      await app.inject('/api/v1/regions/ZK02/statistics?from=2026-02&to=2026-02&byHospice=true')
    ).json();
    // 8 admissions in the region, 2 at the small hospice, 6 at the big one: with the region's 8
    // and the big one's 6 shown, the 2 would be 8 − 6, so the 6 is hidden as well.
    expect(body.items[0].admissions).toBe(8);
    const byId = new Map(body.hospices.map((h: { hospiceId: string }) => [h.hospiceId, h]));
    const small = byId.get(id) as {
      items: Array<{ admissions: number | null; suppressed: string[] }>;
    };
    const large = byId.get(big) as typeof small;
    expect(small.items[0]!.admissions).toBeNull();
    expect(large.items[0]!.admissions).toBeNull();
    expect(large.items[0]!.suppressed).toContain('admissions');
  });
});
