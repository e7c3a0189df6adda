import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { openTestStore, storeName } from '../../data/test/test-store';
import { API_CONTACT } from '../src/openapi';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { policyFor } from '../src/auth/policy';
import { securityOf } from '../src/auth/security';
import { connectSse } from '../src/live/sse-client';
import { makeActors, type Actor } from './security-fixtures';

// What each caller sees, from the server's own route list: every GET route and the live feed, as
// anonymous and as every role, after staff have written with their sessions and a token. Nobody
// but an administrator sees a staff e-mail address or token id on a public route; nobody signed
// out sees a phone number; care professionals and staff keep the contact details.

const now = new Date('2026-06-01T12:00:00Z');
const PHONE = '030 123 45 67';
let store: Store;
let app: App;
let base: string;
let actors: Record<string, Actor>;
let hospiceId: string;
/** Strings that identify staff: their e-mail addresses and the token's id. */
let identities: string[];

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => now });
  const bootstrap = await makeActorsWithHospice();
  actors = bootstrap.actors;
  hospiceId = bootstrap.hospiceId;
  const token = actors['hospice-token']!.headers.authorization!.split('_')[1]!;
  identities = [
    ...Object.keys(actors)
      .filter((name) => name !== 'anonymous' && name !== 'hospice-token')
      .map((name) => `${name}@test.palliamonitor.nl`),
    `token:${token}`,
  ];
  // Staff write: the editor changes the registry and the bed status, the token confirms it.
  const editor = actors['hospice-editor']!;
  const patched = await app.inject({
    method: 'PATCH',
    url: `/api/v1/hospices/${hospiceId}`,
    headers: editor.headers,
    payload: { phone: PHONE, website: 'https://hospice.example.nl' },
  });
  expect(patched.statusCode, patched.body).toBe(200);
  const put = await app.inject({
    method: 'PUT',
    url: `/api/v1/hospices/${hospiceId}/bed-status`,
    headers: editor.headers,
    payload: { bedsOpen: 4, bedsOccupied: 2 },
  });
  expect(put.statusCode, put.body).toBe(200);
  const confirm = await app.inject({
    method: 'POST',
    url: `/api/v1/hospices/${hospiceId}/bed-status/confirm`,
    headers: actors['hospice-token']!.headers,
  });
  expect(confirm.statusCode, confirm.body).toBe(200);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await app.close();
  await store.close();
});

/** A hospice in Utrecht (ZK23) with coordinates, registered by an administrator, and the actors. */
async function makeActorsWithHospice() {
  const { createHospice } = await import('@palliamonitor/data');
  const hospice = await createHospice(
    store.db,
    {
      name: 'Hospice Zichtbaar',
      place: 'Utrecht',
      gemeenteCode: 'GM0344',
      type: 'bth',
      licensedBeds: 6,
      latitude: 52.09,
      longitude: 5.12,
      openedOn: '2020-01-01',
    },
    { actor: 'user:beheerder-zichtbaar@test.palliamonitor.nl', now },
  );
  return { hospiceId: hospice.id, actors: await makeActors(app, store, hospice.id, now) };
}

function fill(url: string): string {
  const filled = url
    .replace(':id', hospiceId)
    .replace(':code', 'ZK23')
    .replace(':month', '2026-05')
    .replace(':a', 'baseline')
    .replace(':b', 'community-central')
    .replace('*', 'regio/ZK23');
  return filled.endsWith('/beds/available') ? `${filled}?near=Utrecht` : filled;
}

type Audience = 'public' | 'professional' | 'identity';
const AUDIENCE: Record<string, Audience> = {
  anonymous: 'public',
  'care-professional': 'professional',
  'hospice-editor': 'professional',
  regisseur: 'professional',
  'national-analyst': 'professional',
  'hospice-token': 'professional',
  administrator: 'identity',
};

/** What `text` shows that `audience` may not see on a filtered route. */
function leaks(text: string, audience: Audience): string[] {
  const found: string[] = [];
  if (audience !== 'identity') {
    found.push(...identities.filter((id) => text.includes(id)));
    found.push(...(text.match(/"(?:user|token):[^"]*"/g) ?? []));
    found.push(...(text.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g) ?? []));
  }
  if (audience === 'public' && text.includes(PHONE)) {
    found.push(PHONE);
  }
  return found;
}

describe(`field visibility (${storeName})`, () => {
  it('every registered route has a policy entry, and only guarded routes skip the filter', () => {
    const routes = securityOf(app).routes.filter((r) => r.method !== 'HEAD');
    for (const route of routes) {
      const policy = policyFor(route.method, route.url);
      expect(policy, `${route.method} ${route.url}`).toBeDefined();
      if (policy!.view === 'restricted') {
        // A route that shows its answer unfiltered must keep the public out.
        expect(policy!.access.kind, `${route.method} ${route.url}`).not.toBe('public');
      }
    }
  });

  it('every GET route answers every role with only the fields the policy allows', async () => {
    const routes = securityOf(app).routes.filter(
      (r) =>
        r.method === 'GET' && r.url.startsWith('/api/') && r.url !== '/api/v1/bed-status/stream',
    );
    const failures: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const view = policyFor(route.method, route.url)!.view;
      for (const actor of Object.values(actors)) {
        const res = await app.inject({ url: fill(route.url), headers: actor.headers });
        if (res.statusCode >= 500) {
          failures.push(`${route.url} as ${actor.name}: ${res.statusCode}`);
        }
        checked += 1;
        const audience = AUDIENCE[actor.name]!;
        // The API's own published contact address is the one e-mail address meant for everyone.
        const body = res.body.replaceAll(API_CONTACT.email, '');
        const found =
          view === 'filtered'
            ? leaks(body, audience)
            : view === 'own'
              ? leaks(body.replaceAll(`${actor.name}@test.palliamonitor.nl`, ''), audience)
              : [];
        if (found.length > 0) {
          failures.push(`${route.url} as ${actor.name} (${res.statusCode}): ${found.join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 300_000);

  it('shows who recorded a change as a kind to everyone but administrators', async () => {
    const paths = [
      `/api/v1/hospices/${hospiceId}`,
      `/api/v1/hospices/${hospiceId}/bed-status`,
      `/api/v1/hospices/${hospiceId}/history`,
    ];
    for (const path of paths) {
      const publicView = (await app.inject(path)).body;
      const regisseur = (await app.inject({ url: path, headers: actors['regisseur']!.headers }))
        .body;
      const admin = (await app.inject({ url: path, headers: actors['administrator']!.headers }))
        .body;
      expect(publicView, path).toMatch(/"recordedBy":"(person|hospice-system|system)"/);
      expect(regisseur, path).toMatch(/"recordedBy":"(person|hospice-system|system)"/);
      expect(admin, path).toMatch(/"recordedBy":"(user|token):/);
    }
    const region = (await app.inject('/api/v1/regions/ZK23/bed-status')).json();
    const ours = region.items.find((i: { hospiceId: string }) => i.hospiceId === hospiceId);
    expect(ours.recordedBy).toBe('hospice-system');
  });

  it('shows the phone to care professionals and staff, not to the public', async () => {
    for (const path of [
      `/api/v1/hospices/${hospiceId}`,
      `/api/v1/hospices?region=ZK23`,
      '/api/v1/beds/available?near=52.09,5.12',
    ]) {
      const anonymous = (await app.inject(path)).body;
      expect(anonymous, path).not.toContain(PHONE);
      for (const name of ['care-professional', 'hospice-editor', 'national-analyst']) {
        const seen = (await app.inject({ url: path, headers: actors[name]!.headers })).body;
        expect(seen, `${path} as ${name}`).toContain(PHONE);
      }
    }
    // Address and website are the facility's public listing.
    const hospice = (await app.inject(`/api/v1/hospices/${hospiceId}`)).json();
    expect(hospice.website).toBe('https://hospice.example.nl');
    const history = (await app.inject(`/api/v1/hospices/${hospiceId}/history`)).body;
    expect(history).not.toContain(PHONE);
  });

  it('the live feed and its replay carry no e-mail address or token id, for any subscriber', async () => {
    for (const name of ['anonymous', 'administrator']) {
      const stream = await connectSse(`${base}/api/v1/bed-status/stream`, {
        ...actors[name]!.headers,
        'last-event-id': '0',
      });
      try {
        const replayed = await stream.waitFor(2, 60_000);
        const live = await app.inject({
          method: 'PUT',
          url: `/api/v1/hospices/${hospiceId}/bed-status`,
          headers: actors['hospice-editor']!.headers,
          payload: { bedsOpen: 4, bedsOccupied: 3 },
        });
        expect(live.statusCode).toBe(200);
        const events = await stream.waitFor(replayed.length + 1, 60_000);
        const text = JSON.stringify(events.map((e) => e.data));
        expect(leaks(text, 'public'), name).toEqual([]);
        // Written by the editor (a person) and the token (the hospice's system), in that order.
        expect(events.slice(0, 2).map((e) => e.data['recordedBy'])).toEqual([
          'person',
          'hospice-system',
        ]);
        expect(events.at(-1)!.data['recordedBy']).toBe('person');
      } finally {
        stream.close();
      }
    }
  });
});
