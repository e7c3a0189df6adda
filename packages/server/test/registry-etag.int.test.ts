import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

// If-Match on the registry: every change gives a new ETag, also a same-day correction (which
// overwrites the day's version in place), so a write based on what someone read before a change
// is refused (412) instead of silently undoing that change.

let store: Store;
let app: App;
const clock = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
  store = await openTestStore();
  app = await asAdmin(await buildApp(store, { now: () => clock }), store);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** A hospice registered today, so every change today corrects its one version in place. */
async function registerToday(name: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/hospices',
    payload: { name, place: 'Utrecht', gemeenteCode: 'GM0344', type: 'bth', licensedBeds: 4 },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function etagOf(id: string): Promise<string> {
  return (await app.inject(`/api/v1/hospices/${id}`)).headers.etag as string;
}

function patch(id: string, etag: string, payload: object) {
  return app.inject({
    method: 'PATCH',
    url: `/api/v1/hospices/${id}`,
    headers: { 'if-match': etag },
    payload,
  });
}

describe(`If-Match on registry changes (${storeName})`, () => {
  it('a same-day correction changes the ETag, and the old one is then refused', async () => {
    const id = await registerToday('Hospice Correctie');
    const created = await etagOf(id);
    const first = await patch(id, created, { licensedBeds: 5 });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).not.toBe(created);
    expect(await etagOf(id)).toBe(first.headers.etag);

    const stale = await patch(id, created, { licensedBeds: 9 });
    expect(stale.statusCode).toBe(412);
    const second = await patch(id, first.headers.etag as string, { licensedBeds: 6 });
    expect(second.statusCode).toBe(200);
    expect(second.headers.etag).not.toBe(first.headers.etag);
    const now = (await app.inject(`/api/v1/hospices/${id}`)).json();
    expect(now.licensedBeds).toBe(6);
    // Still one version: the corrections were in place, and the history says so.
    const history = (await app.inject(`/api/v1/hospices/${id}/history`)).json();
    expect(history.versions).toHaveLength(1);
  });

  it('a change that changes nothing keeps the ETag', async () => {
    const id = await registerToday('Hospice Gelijk');
    const etag = await etagOf(id);
    const same = await patch(id, etag, { licensedBeds: 4 });
    expect(same.statusCode).toBe(200);
    expect(same.headers.etag).toBe(etag);
  });

  it('of two changes sent at once with the same ETag, exactly one is stored', async () => {
    const id = await registerToday('Hospice Wedloop');
    for (let round = 0; round < 10; round += 1) {
      const etag = await etagOf(id);
      const results = await Promise.all([
        patch(id, etag, { name: `Hospice Wedloop A${round}` }),
        patch(id, etag, { name: `Hospice Wedloop B${round}` }),
      ]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes, results.map((r) => r.body).join('\n')).toEqual([200, 412]);
      const winner = results.find((r) => r.statusCode === 200)!;
      const stored = await app.inject(`/api/v1/hospices/${id}`);
      expect(stored.json().name).toBe(winner.json().name);
      expect(stored.headers.etag).toBe(winner.headers.etag);
    }
  });

  it('an ETag in the old form or of another kind is refused naming If-Match', async () => {
    const id = await registerToday('Hospice Vorm');
    const res = await patch(id, '"e12"', { licensedBeds: 5 });
    expect(res.statusCode).toBe(400);
    expect(res.json().invalidParams[0].name).toBe('If-Match');
  });
});
