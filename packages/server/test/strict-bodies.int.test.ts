import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { asAdmin } from './auth-helpers';

// JSON bodies are taken as sent: a null, a boolean, a hex string, blanks or a one-element array
// are not numbers, and a null scope is not "". Only query strings, path parameters and headers
// (always text) are converted to the types their schemas name.

let store: Store;
let app: App;
let hospiceId: string;
const clock = new Date('2026-03-01T10:00:00Z');

beforeAll(async () => {
  store = await openTestStore();
  app = await asAdmin(await buildApp(store, { now: () => clock }), store);
  hospiceId = await createUtrechtHospice(store, 'Hospice Streng', 6, clock);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

function invalidNames(res: { json(): { invalidParams?: Array<{ name: string }> } }): string[] {
  return (res.json().invalidParams ?? []).map((p) => p.name);
}

const validHospice = {
  name: 'Hospice Nieuw',
  place: 'Utrecht',
  gemeenteCode: 'GM0344',
  type: 'bth',
  licensedBeds: 4,
  latitude: 52.09,
  longitude: 5.12,
};

describe(`JSON bodies are not coerced (${storeName})`, () => {
  it.each([
    ['null counts', { bedsOpen: null, bedsOccupied: null }, ['bedsOpen', 'bedsOccupied']],
    ['a boolean', { bedsOpen: true, bedsOccupied: 0 }, ['bedsOpen']],
    ['a hex string', { bedsOpen: '0x10', bedsOccupied: 0 }, ['bedsOpen']],
    ['a blank string', { bedsOpen: 3, bedsOccupied: ' ' }, ['bedsOccupied']],
    ['a one-element array', { bedsOpen: [3], bedsOccupied: 0 }, ['bedsOpen']],
    ['a numeric string', { bedsOpen: '3', bedsOccupied: 0 }, ['bedsOpen']],
    [
      'a string for a boolean',
      { bedsOpen: 3, bedsOccupied: 0, admissionStop: 'false' },
      ['admissionStop'],
    ],
  ])('bed status with %s → 400 naming the field, nothing stored', async (_l, payload, fields) => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${hospiceId}/bed-status`,
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(invalidNames(res).sort()).toEqual([...fields].sort());
    const status = (await app.inject(`/api/v1/hospices/${hospiceId}/bed-status`)).json();
    expect(status.eventId).toBeNull();
  });

  async function hospiceCount(): Promise<number> {
    return (await app.inject('/api/v1/hospices?limit=1')).json().total;
  }

  it.each([
    ['blank licensed beds', { licensedBeds: ' ' }, 'licensedBeds'],
    ['licensed beds as text', { licensedBeds: '4' }, 'licensedBeds'],
    ['latitude 0', { latitude: 0 }, 'latitude'],
    ['longitude 0', { longitude: 0 }, 'longitude'],
    ['a number for a name', { name: 12 }, 'name'],
    ['a string for a list', { funding: 'wlz' }, 'funding'],
  ])('registering with %s → 400 naming the field, nothing stored', async (_l, change, field) => {
    const before = await hospiceCount();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/hospices',
      payload: { ...validHospice, ...change },
    });
    expect(res.statusCode).toBe(400);
    expect(invalidNames(res)).toContain(field);
    expect(await hospiceCount()).toBe(before);
  });

  it('a registry change with latitude 0 is refused and the coordinates stay', async () => {
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${hospiceId}`,
      payload: { latitude: 52.1, longitude: 5.1 },
    });
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/hospices/${hospiceId}`,
      payload: { latitude: 0, longitude: 0 },
    });
    expect(res.statusCode).toBe(400);
    expect(invalidNames(res).sort()).toEqual(['latitude', 'longitude']);
    const now = (await app.inject(`/api/v1/hospices/${hospiceId}`)).json();
    expect([now.latitude, now.longitude]).toEqual([52.1, 5.1]);
  });

  it.each(['administrator', 'national-analyst', 'care-professional'])(
    'an account with the role %s and a null scope can be created',
    async (role) => {
      const email = `${role}-strict@test.palliamonitor.nl`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/users',
        payload: {
          email,
          name: 'Nieuw account',
          password: 'een-lang-wachtwoord-1',
          roles: [{ role, scope: null }],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().roles).toEqual([{ role, scope: null }]);
    },
  );

  it('a scope of the wrong type is refused naming it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        email: 'wrong-scope@test.palliamonitor.nl',
        name: 'Nieuw account',
        password: 'een-lang-wachtwoord-1',
        roles: [{ role: 'regisseur', scope: 23 }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(invalidNames(res)).toContain('roles.0.scope');
  });

  it('query strings and path parameters are still read as their types', async () => {
    const res = await app.inject('/api/v1/hospices?limit=2&offset=0&open=true');
    expect(res.statusCode).toBe(200);
    expect(res.json().limit).toBe(2);
    const history = await app.inject(`/api/v1/hospices/${hospiceId}/bed-status/history?limit=5`);
    expect(history.statusCode).toBe(200);
  });
});
