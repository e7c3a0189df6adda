import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

let store: Store;
let app: App;
const clock = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock });
  app = await asAdmin(app, store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const validHospice = {
  name: 'Hospice De Test',
  streetAddress: 'Kerkstraat 1',
  postcode: '3511AB',
  place: 'Utrecht',
  gemeenteCode: 'GM0344',
  latitude: 52.09,
  longitude: 5.12,
  type: 'bth',
  careModel: 'stay-with-informal-care',
  funding: ['subsidy-ptz', 'donations'],
  umbrellas: ['vptz'],
  licensedBeds: 5,
  openedOn: '2020-05-01',
};

describe(`regions API (${storeName})`, () => {
  it('lists the 31 zorgkantoorregio’s, ZK05 and ZK15 absent', async () => {
    const res = await app.inject('/api/v1/regions?type=zorgkantoorregio&limit=1000');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(31);
    const codes = body.items.map((r: { code: string }) => r.code);
    expect(codes).not.toContain('ZK05');
    expect(codes).not.toContain('ZK15');
    expect(codes).toContain('ZK01');
  });

  it('counts 342 gemeenten and 12 provincies, with pagination and a total', async () => {
    const gm = (await app.inject('/api/v1/regions?type=gemeente&limit=50&offset=300')).json();
    expect(gm.total).toBe(342);
    expect(gm.items).toHaveLength(42);
    const pv = (await app.inject('/api/v1/regions?type=provincie')).json();
    expect(pv.total).toBe(12);
  });

  it('accepts a trailing slash', async () => {
    expect((await app.inject('/api/v1/regions/ZK23/')).statusCode).toBe(200);
  });

  it('shows a region with its member gemeenten', async () => {
    const res = await app.inject('/api/v1/regions/ZK23');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.name).toBe('Utrecht');
    expect(body.gemeenten.map((g: { code: string }) => g.code)).toContain('GM0344');
  });

  it('shows a gemeente with its zorgkantoorregio and provincie', async () => {
    const body = (await app.inject('/api/v1/regions/GM0344')).json();
    const parents = body.parents.map((p: { code: string }) => p.code).sort();
    expect(parents).toEqual(['PV26', 'ZK23']);
  });

  it('answers 404 problem+json for an unknown region and 400 for a malformed code', async () => {
    const missing = await app.inject('/api/v1/regions/ZK05');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const bad = await app.inject('/api/v1/regions/XX');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().invalidParams[0].name).toBe('code');
  });

  it('rejects an unknown region type and a limit above 1000 naming the parameter', async () => {
    const type = await app.inject('/api/v1/regions?type=wijk');
    expect(type.statusCode).toBe(400);
    expect(type.json().invalidParams.map((p: { name: string }) => p.name)).toContain('type');
    const limit = await app.inject('/api/v1/regions?limit=1001');
    expect(limit.statusCode).toBe(400);
    expect(limit.json().invalidParams[0].name).toBe('limit');
  });
});

describe(`hospices API (${storeName})`, () => {
  let id: string;

  it('registers a hospice and derives its regions from the gemeente', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      payload: validHospice,
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    id = body.id;
    expect(res.headers.location).toBe(`/api/v1/hospices/${id}`);
    expect(body.postcode).toBe('3511 AB');
    expect(body.regions.zorgkantoorregio).toEqual({ code: 'ZK23', name: 'Utrecht' });
    expect(body.regions.provincie.code).toBe('PV26');
    expect(body.validFrom).toBe('2020-05-01');
    expect(body.isSynthetic).toBe(false);
  });

  it('keeps history: beds changed on a date, asOf answers for either side', async () => {
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${id}`,
      payload: { licensedBeds: 7, effectiveFrom: '2025-01-01' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().licensedBeds).toBe(7);
    const before = (await app.inject(`/api/v1/hospices/${id}?asOf=2024-12-31`)).json();
    expect(before.licensedBeds).toBe(5);
    const after = (await app.inject(`/api/v1/hospices/${id}?asOf=2025-01-01`)).json();
    expect(after.licensedBeds).toBe(7);
    const history = (await app.inject(`/api/v1/hospices/${id}/history`)).json();
    expect(history.versions).toHaveLength(2);
    expect(history.versions[0]).toMatchObject({ validFrom: '2020-05-01', validTo: '2025-01-01' });
    expect(history.versions[1].changed).toEqual(['licensedBeds']);
  });

  it('answers 404 for a date before the facility was registered', async () => {
    const res = await app.inject(`/api/v1/hospices/${id}?asOf=2019-01-01`);
    expect(res.statusCode).toBe(404);
  });

  it('lists hospices per region with a total', async () => {
    const body = (await app.inject('/api/v1/hospices?region=ZK23')).json();
    expect(body.total).toBe(1);
    expect(body.items[0].id).toBe(id);
    const other = (await app.inject('/api/v1/hospices?region=ZK09')).json();
    expect(other.total).toBe(0);
  });

  it('refuses a stale write with 412 when If-Match names an old version', async () => {
    const get = await app.inject(`/api/v1/hospices/${id}`);
    const etag = get.headers.etag as string;
    const first = await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${id}`,
      headers: { 'if-match': etag },
      payload: { name: 'Hospice De Test (nieuw)' },
    });
    expect(first.statusCode).toBe(200);
    const second = await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${id}`,
      headers: { 'if-match': etag },
      payload: { name: 'Hospice Anders' },
    });
    expect(second.statusCode).toBe(412);
    const now = (await app.inject(`/api/v1/hospices/${id}`)).json();
    expect(now.name).toBe('Hospice De Test (nieuw)');
  });

  it('refuses a change dated before the latest version', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${id}`,
      payload: { licensedBeds: 9, effectiveFrom: '2024-06-01' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams[0].name).toBe('effectiveFrom');
  });
});

describe(`bad input on writes (${storeName})`, () => {
  async function countHospices(): Promise<number> {
    return (await app.inject('/api/v1/hospices?limit=1')).json().total;
  }

  it.each([
    ['malformed JSON', '{"name": ', 'body'],
    ['negative beds', JSON.stringify({ ...validHospice, licensedBeds: -3 }), 'licensedBeds'],
    ['unknown field', JSON.stringify({ ...validHospice, bsn: '123456789' }), 'bsn'],
    ['wrong type', JSON.stringify({ ...validHospice, licensedBeds: 'vijf' }), 'licensedBeds'],
    [
      'date in the wrong format',
      JSON.stringify({ ...validHospice, openedOn: '01-05-2020' }),
      'openedOn',
    ],
    ['impossible date', JSON.stringify({ ...validHospice, openedOn: '2020-02-30' }), 'openedOn'],
    ['unknown hospice type', JSON.stringify({ ...validHospice, type: 'hotel' }), 'type'],
  ])('%s → 400 naming the field, nothing stored', async (_label, payload, field) => {
    const before = await countHospices();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const names = res.json().invalidParams.map((p: { name: string }) => p.name);
    expect(names).toContain(field);
    expect(await countHospices()).toBe(before);
  });

  it('unknown gemeente → 422 naming gemeenteCode, nothing stored', async () => {
    const before = await countHospices();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      payload: { ...validHospice, gemeenteCode: 'GM9999' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams).toEqual([
      {
        name: 'gemeenteCode',
        reason: 'unknown gemeente GM9999',
        code: 'registry.unknownGemeente',
        params: { gemeente: 'GM9999' },
      },
    ]);
    expect(await countHospices()).toBe(before);
  });

  it('reports every failing field at once', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      payload: { ...validHospice, licensedBeds: -1, latitude: 99, type: 'x' },
    });
    expect(res.statusCode).toBe(400);
    const names = res
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    expect(names).toEqual(['latitude', 'licensedBeds', 'type']);
  });
});

describe('OpenAPI document', () => {
  it('is generated from the route schemas', async () => {
    const res = await app.inject('/api/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/health',
        '/regions',
        '/regions/{code}',
        '/hospices',
        '/hospices/{id}',
        '/hospices/{id}/history',
      ]),
    );
    const post = doc.paths['/hospices'].post;
    expect(
      post.requestBody.content['application/json'].schema.properties.licensedBeds.minimum,
    ).toBe(0);
  });

  it('every response carries API-Version', async () => {
    const res = await app.inject('/api/v1/health');
    expect(res.headers['api-version']).toBe('1.0.0');
    expect(res.json().status).toBe('ok');
  });
});
