import { createApiToken, createUser, DEMO_PASSWORD, type Store } from '@palliamonitor/data';
import { type Role } from '@palliamonitor/contracts';
import type { App } from '../src/context';

export interface Actor {
  name: string;
  headers: Record<string, string>;
}

/** Makes one account per role (scoped to hospice A / region ZK23), signs each in, and a token for A. */
export async function makeActors(
  app: App,
  store: Store,
  hospiceA: string,
  now: Date,
): Promise<Record<string, Actor>> {
  const grants: Array<[string, Role, string | null]> = [
    ['care-professional', 'care-professional', null],
    ['hospice-editor', 'hospice-editor', hospiceA],
    ['regisseur', 'regisseur', 'ZK23'],
    ['national-analyst', 'national-analyst', null],
    ['administrator', 'administrator', null],
  ];
  const actors: Record<string, Actor> = { anonymous: { name: 'anonymous', headers: {} } };
  for (const [name, role, scope] of grants) {
    const email = `${name}@test.palliamonitor.nl`;
    await createUser(
      store.db,
      { email, name, password: DEMO_PASSWORD, roles: [{ role, scope }] },
      now,
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: DEMO_PASSWORD },
    });
    if (res.statusCode !== 200) {
      throw new Error(`sign-in of ${name} failed: ${res.body}`);
    }
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    actors[name] = { name, headers: { cookie, 'x-csrf-token': res.json().csrfToken } };
  }
  const { token } = await createApiToken(
    store.db,
    { hospiceId: hospiceA, label: 'test', actor: 'test' },
    now,
  );
  actors['hospice-token'] = {
    name: 'hospice-token',
    headers: { authorization: `Bearer ${token}` },
  };
  return actors;
}
