import { expect } from 'vitest';
import { createUser, DEMO_PASSWORD, type Store } from '@palliamonitor/data';
import { openTestStore } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { adminHeaders } from './auth-helpers';

// Callers and a small hospice for the tests of suppressed small counts: who sees a hospice's
// counts of 1 to 4 people depends on the caller's role and scope.

/** Signs in a new account with one role (and its scope); the headers of its session. */
export async function signedIn(
  app: App,
  store: Store,
  clock: Date,
  role: string,
  scope: string | null,
): Promise<Record<string, string>> {
  const email = `${role}-${String(scope)}-${Math.random().toString(36).slice(2)}@test.palliamonitor.nl`;
  await createUser(
    store.db,
    { email, name: 'Test', password: DEMO_PASSWORD, roles: [{ role: role as never, scope }] },
    clock,
  );
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { cookie: String(res.headers['set-cookie']).split(';')[0]! };
}

/** A hospice in Amsterdam (ZK02, GM0363), registered by the administrator. */
export async function amsterdamHospice(
  app: App,
  admin: Record<string, string>,
  name: string,
  licensedBeds: number,
): Promise<string> {
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

/** A test store, the app on it at `clock`, and an administrator's headers. */
export async function openApp(clock: Date) {
  const store = await openTestStore();
  const app = await buildApp(store, { now: () => clock, freshnessHours: 24 });
  return { store, app, admin: await adminHeaders(app, store) };
}

/** A read that answers 200, as JSON. */
export async function readOk(app: App, url: string, headers: Record<string, string> = {}) {
  const res = await app.inject({ url, headers });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Callers who may not read the Amsterdam hospice's registrations: another region's regisseur, a care professional, an analyst. */
export const OUTSIDERS = [
  ['regisseur', 'ZK23'],
  ['care-professional', null],
  ['national-analyst', null],
] as const;
