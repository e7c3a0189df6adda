import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, DEMO_PASSWORD, type Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// A regisseur acknowledges an alert of the cockpit with a note and a follow-up date; the region's
// other users see it; others are refused; the write is in the audit log.

let store: Store;
let app: App;
let hospiceA: string;
let actors: Record<string, Actor>;
const now = new Date('2026-03-10T09:00:00Z');

async function signIn(email: string): Promise<Actor> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  return { name: email, headers: { cookie, 'x-csrf-token': res.json().csrfToken } };
}

beforeAll(async () => {
  store = await openTestStore();
  app = await buildApp(store, { now: () => now });
  hospiceA = await createUtrechtHospice(store, 'Hospice Signaal', 4, now);
  actors = await makeActors(app, store, hospiceA, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

const url = '/api/v1/regions/ZK23/alert-acknowledgements';

describe(`alert acknowledgements (${storeName})`, () => {
  it('the regisseur acknowledges with a note and follow-up date; a second regisseur of the region sees it', async () => {
    const res = await app.inject({
      method: 'POST',
      url,
      headers: actors['regisseur']!.headers,
      payload: {
        alertKey: `stale:${hospiceA}`,
        hospiceId: hospiceA,
        note: 'Gebeld; status wordt vandaag bijgewerkt.',
        followUpOn: '2026-03-12',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      alertKey: `stale:${hospiceA}`,
      followUpOn: '2026-03-12',
      acknowledgedBy: 'regisseur',
    });
    expect(res.body).not.toContain('@');

    await createUser(
      store.db,
      {
        email: 'tweede-regisseur@test.palliamonitor.nl',
        name: 'Tweede regisseur',
        password: DEMO_PASSWORD,
        roles: [{ role: 'regisseur', scope: 'ZK23' }],
      },
      now,
    );
    const colleague = await signIn('tweede-regisseur@test.palliamonitor.nl');
    const list = await app.inject({ url, headers: colleague.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ note: 'Gebeld; status wordt vandaag bijgewerkt.' }),
    ]);

    // A later acknowledgement of the same alert is the current one.
    await app.inject({
      method: 'POST',
      url,
      headers: colleague.headers,
      payload: { alertKey: `stale:${hospiceA}`, hospiceId: hospiceA, note: 'Opgelost.' },
    });
    const after = (await app.inject({ url, headers: colleague.headers })).json().items;
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ note: 'Opgelost.', acknowledgedBy: 'Tweede regisseur' });

    const audit = (
      await app.inject({ url: '/api/v1/audit-log?region=ZK23', headers: colleague.headers })
    ).json();
    expect(
      audit.items.some(
        (e: { path: string }) => e.path === '/api/v1/regions/ZK23/alert-acknowledgements',
      ),
    ).toBe(true);
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    const before = (await app.inject({ url, headers: actors['regisseur']!.headers })).json().items;
    const past = await app.inject({
      method: 'POST',
      url,
      headers: actors['regisseur']!.headers,
      payload: { alertKey: `high:${hospiceA}`, note: 'x', followUpOn: '2026-03-01' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().invalidParams[0]).toMatchObject({
      name: 'followUpOn',
      code: 'alert.followUpInPast',
    });
    const blank = await app.inject({
      method: 'POST',
      url,
      headers: actors['regisseur']!.headers,
      payload: { alertKey: `high:${hospiceA}`, note: '   ' },
    });
    expect(blank.json().invalidParams[0]).toMatchObject({ name: 'note', code: 'alert.noteEmpty' });
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/v1/regions/ZK01/alert-acknowledgements',
      headers: actors['administrator']!.headers,
      payload: { alertKey: `high:${hospiceA}`, hospiceId: hospiceA, note: 'Niet hier.' },
    });
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().invalidParams[0].code).toBe('alert.hospiceNotInRegion');
    expect((await app.inject({ url, headers: actors['regisseur']!.headers })).json().items).toEqual(
      before,
    );
  });

  it('refuses the public, care professionals and a regisseur of another region', async () => {
    expect((await app.inject({ url })).statusCode).toBe(401);
    expect(
      (await app.inject({ url, headers: actors['care-professional']!.headers })).statusCode,
    ).toBe(403);
    const other = await app.inject({
      url: '/api/v1/regions/ZK01/alert-acknowledgements',
      headers: actors['regisseur']!.headers,
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().detailCode).toBe('access.notThisRegion');
  });
});
