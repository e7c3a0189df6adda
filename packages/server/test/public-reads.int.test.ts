import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { adminHeaders } from './auth-helpers';

// The public read path: ETag and 304 on revalidation, Cache-Control for browsers and a proxy in
// front, public answers kept for a few seconds but never past a write, never a signed-in answer.

let store: Store;
let app: App;
let clock = new Date('2026-03-15T10:00:00Z');
let auth: Record<string, string> = {};
let id: string;

const finder = '/api/v1/beds/available?near=52.09,5.12';

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => clock });
  auth = await adminHeaders(app, store);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/hospices',
    headers: auth,
    payload: {
      name: 'Hospice Publiek',
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      type: 'bth',
      licensedBeds: 6,
      openedOn: '2020-01-01',
      latitude: 52.09,
      longitude: 5.12,
      phone: '030 123 45 67',
    },
  });
  expect(res.statusCode).toBe(201);
  id = res.json<{ id: string }>().id;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

async function putStatus(bedsOccupied: number): Promise<void> {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/v1/hospices/${id}/bed-status`,
    headers: auth,
    payload: { bedsOpen: 6, bedsOccupied },
  });
  expect(res.statusCode).toBe(200);
}

const freeBeds = (body: string) =>
  (JSON.parse(body) as { available: Array<{ bedsFree: number }> }).available[0]?.bedsFree ?? 0;

describe(`public reads (${storeName})`, () => {
  it('answer with an ETag and Cache-Control, and 304 without a body on revalidation', async () => {
    await putStatus(2);
    for (const url of [finder, '/api/v1/overview', '/api/v1/regions/NL/statistics?period=year']) {
      const first = await app.inject({ url });
      expect(first.statusCode, url).toBe(200);
      const etag = first.headers['etag'] as string;
      expect(etag, url).toMatch(/^W\/".+"$/);
      expect(first.headers['cache-control'], url).toBe('public, no-cache');
      const again = await app.inject({ url, headers: { 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
      expect(again.headers['etag'], url).toBe(etag);
      const other = await app.inject({ url, headers: { 'if-none-match': 'W/"something-else"' } });
      expect(other.statusCode, url).toBe(200);
      expect(other.body, url).toBe(first.body);
    }
  });

  it('a write changes the next public answer at once, and its ETag', async () => {
    await putStatus(1);
    const before = await app.inject({ url: finder });
    expect(freeBeds(before.body)).toBe(5);
    await putStatus(4);
    const after = await app.inject({
      url: finder,
      headers: { 'if-none-match': before.headers['etag'] as string },
    });
    expect(after.statusCode).toBe(200);
    expect(freeBeds(after.body)).toBe(2);
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
  });

  it('a kept answer carries the headers of every answer, and a cookie or token is still checked', async () => {
    await putStatus(2);
    const first = await app.inject({ url: finder });
    const kept = await app.inject({ url: finder });
    expect(kept.body).toBe(first.body);
    for (const name of [
      'content-security-policy',
      'x-content-type-options',
      'referrer-policy',
      'x-frame-options',
      'cross-origin-opener-policy',
      'api-version',
      'etag',
      'vary',
    ]) {
      expect(kept.headers[name], name).toBeDefined();
      expect(kept.headers[name], name).toBe(first.headers[name]);
    }
    expect(kept.headers['content-type']).toMatch(/^application\/json/);
    // Credentials take the long way even to a public route: a wrong token is refused.
    const wrong = await app.inject({ url: finder, headers: { authorization: 'Bearer nonsense' } });
    expect(wrong.statusCode).toBe(401);
  });

  it('signed-in answers are private and not shared with the public', async () => {
    await putStatus(3);
    const signedIn = await app.inject({ url: finder, headers: auth });
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(signedIn.body).toContain('030 123 45 67');
    const anonymous = await app.inject({ url: finder });
    expect(anonymous.headers['cache-control']).toMatch(/^public/);
    expect(anonymous.body).not.toContain('030 123 45 67');
  });
  // Last: the clock moves on past every session.
  it('a kept public answer lasts seconds: a later clock computes it anew', async () => {
    await putStatus(0);
    const now = await app.inject({ url: finder });
    expect(freeBeds(now.body)).toBe(6);
    // 25 hours on, the status is no longer fresh: unknown, not free.
    clock = new Date(clock.getTime() + 25 * 3_600_000);
    const later = await app.inject({ url: finder });
    expect(freeBeds(later.body)).toBe(0);
    expect(JSON.parse(later.body).unknown).toHaveLength(1);
  });
});
