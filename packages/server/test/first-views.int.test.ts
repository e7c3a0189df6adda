import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setBedStatus, type Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { adminHeaders } from './auth-helpers';

// A page's first view in one answer: each part is what its own route answers, cut by the same
// field rules; and a facility's admission criteria, edited like its contact details.

const now = new Date('2026-06-01T10:00:00Z');
let store: Store;
let app: App;
let admin: Record<string, string>;
let hospiceId: string;

beforeAll(async () => {
  store = await openTestStore();
  hospiceId = await createUtrechtHospice(store, 'Hospice Eerste Blik', 6, now);
  app = await buildApp(store, { now: () => now });
  admin = await adminHeaders(app, store);
  await app.inject({
    method: 'PATCH',
    url: `/api/v1/hospices/${hospiceId}`,
    headers: admin,
    payload: { phone: '030 000 0001', latitude: 52.09, longitude: 5.12 },
  });
  await setBedStatus(
    store.db,
    hospiceId,
    { bedsOpen: 6, bedsOccupied: 4 },
    { actor: 'test', now },
    { freshnessHours: 24 },
  );
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe(`the region cockpit in one answer (${storeName})`, () => {
  it('holds the region, its figures, hospices, bed status, statistics and outline', async () => {
    const cockpit = await get('/api/v1/regions/ZK23/cockpit');
    expect(cockpit.region).toEqual(await get('/api/v1/regions/ZK23'));
    const overview = await get('/api/v1/overview');
    expect(cockpit.figures).toEqual(
      overview.regions.find((r: { code: string }) => r.code === 'ZK23'),
    );
    const hospices = await get('/api/v1/hospices?region=ZK23&open=true&limit=500');
    expect(cockpit.hospices).toEqual(hospices.items);
    expect(cockpit.bedStatus).toEqual((await get('/api/v1/regions/ZK23/bed-status')).items);
    expect(cockpit.statistics).toEqual(
      await get('/api/v1/regions/ZK23/statistics?period=month&daily=true&byHospice=true'),
    );
    expect(cockpit.bedStatus.find((s: { hospiceId: string }) => s.hospiceId === hospiceId)).toEqual(
      expect.objectContaining({ bedsFree: 2, freshness: 'fresh' }),
    );
    expect(cockpit.outline).toEqual(expect.objectContaining({ type: 'Feature', id: 'ZK23' }));
    expect(cockpit.outline.geometry.type).toMatch(/Polygon/);
  });

  it('shows the phone number only to those who may see it', async () => {
    const phoneOf = (c: { hospices: { id: string; phone: string | null }[] }) =>
      c.hospices.find((h) => h.id === hospiceId)?.phone;
    expect(phoneOf(await get('/api/v1/regions/ZK23/cockpit'))).toBeNull();
    expect(phoneOf(await get('/api/v1/regions/ZK23/cockpit', admin))).toBe('030 000 0001');
  });

  it('answers 404 for an unknown region and 400 for a malformed code', async () => {
    expect((await app.inject('/api/v1/regions/ZK99/cockpit')).statusCode).toBe(404);
    const bad = await app.inject('/api/v1/regions/zk-23/cockpit');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe(`the hospice page in one answer (${storeName})`, () => {
  it('holds the registration, bed status, waiting list and viability', async () => {
    const page = await get(`/api/v1/hospices/${hospiceId}/page`);
    expect(page.hospice).toEqual(await get(`/api/v1/hospices/${hospiceId}`));
    expect(page.bedStatus).toEqual(await get(`/api/v1/hospices/${hospiceId}/bed-status`));
    expect(page.waitingList).toEqual(await get(`/api/v1/hospices/${hospiceId}/waiting-list`));
    expect(page.viability).toEqual(await get(`/api/v1/hospices/${hospiceId}/viability`));
    // The bed status's ETag, for the status card's first conditional write.
    const status = await app.inject(`/api/v1/hospices/${hospiceId}/bed-status`);
    expect(status.headers.etag).toBe(`"e${page.bedStatus.eventId}"`);
  });

  it('answers 404 for an unknown hospice', async () => {
    const res = await app.inject('/api/v1/hospices/00000000-0000-4000-8000-000000000000/page');
    expect(res.statusCode).toBe(404);
  });
});

describe(`admission criteria (${storeName})`, () => {
  const patch = (payload: object) =>
    app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${hospiceId}`,
      headers: admin,
      payload,
    });

  it('are stored trimmed, shown to everyone and in the bed finder, kept in history and audited', async () => {
    const text =
      '  Opname na verwijzing door huisarts of specialist.\nLevensverwachting < 3 maanden.  ';
    const res = await patch({ admissionCriteria: text });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().admissionCriteria).toBe(text.trim());
    expect((await get(`/api/v1/hospices/${hospiceId}`)).admissionCriteria).toBe(text.trim());
    const history = await get(`/api/v1/hospices/${hospiceId}/history`);
    expect(history.versions.at(-1).changed).toContain('admissionCriteria');
    const finder = await get('/api/v1/beds/available?near=Utrecht&radiusKm=10', admin);
    const found = finder.hospices.find((h: { id: string }) => h.id === hospiceId);
    expect(found?.admissionCriteria).toBe(text.trim());
    const entry = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('hospice_id', '=', hospiceId)
      .where('method', '=', 'PATCH')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const after = (typeof entry.after === 'string' ? JSON.parse(entry.after) : entry.after) as {
      admissionCriteria: string;
    };
    expect(after.admissionCriteria).toBe(text.trim());
  });

  it('are cleared with null or an empty text', async () => {
    expect((await patch({ admissionCriteria: '   ' })).json().admissionCriteria).toBeNull();
    await patch({ admissionCriteria: 'Alleen na overleg' });
    expect((await patch({ admissionCriteria: null })).json().admissionCriteria).toBeNull();
  });

  it('refuse personal data of a guest and text over 1000 characters, naming the field', async () => {
    await patch({ admissionCriteria: 'Vooral na verwijzing' });
    const personal = await patch({ admissionCriteria: 'Plek gereserveerd voor mevr. De Vries' });
    expect(personal.statusCode).toBe(422);
    expect(personal.json().invalidParams).toEqual([
      expect.objectContaining({ name: 'admissionCriteria', code: 'freeText.personName' }),
    ]);
    const long = await patch({ admissionCriteria: 'x'.repeat(1001) });
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json().invalidParams)).toContain('admissionCriteria');
    expect((await get(`/api/v1/hospices/${hospiceId}`)).admissionCriteria).toBe(
      'Vooral na verwijzing',
    );
  });
});
