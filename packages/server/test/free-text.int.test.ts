import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '@palliamonitor/model';
import { importHospiceCsv, AppError, type Store } from '@palliamonitor/data';
import { createUtrechtHospice, openTestStore, storeName } from '../../data/test/test-store';
import { buildApp } from '../src/app';
import type { App } from '../src/context';
import { makeActors, type Actor } from './security-fixtures';

// Free text that could carry a guest's personal data is refused in every field and entry point,
// with the field named; who may save scenarios; and old saved text is screened on the way out.

const now = new Date('2026-06-01T12:00:00Z');
const PATIENT = 'Mw. J. Jansen, BSN 123456782, geboren 01-02-1940';
let store: Store;
let app: App;
let hospiceId: string;
let actors: Record<string, Actor>;

const { id: _id, name: _name, description: _description, ...definition } = SCENARIOS[0]!;
const scenario = (id: string, fields: object = {}) => ({
  ...definition,
  id,
  name: `Variant ${id}`,
  description: 'Een variant met een kortere ligduur',
  ...fields,
});

const send = (method: 'POST' | 'PATCH', url: string, actor: string, payload: object) =>
  app.inject({ method, url, headers: actors[actor]!.headers, payload });

beforeAll(async () => {
  store = await openTestStore();
  hospiceId = await createUtrechtHospice(store, 'Hospice Vrije Tekst', 6, now);
  app = await buildApp(store, { now: () => now, mail: { send: async () => undefined } });
  actors = await makeActors(app, store, hospiceId, now);
});
afterAll(async () => {
  await app.close();
  await store.close();
});

describe(`free text holds no personal data (${storeName})`, () => {
  it('a scenario description with a BSN is refused, naming the field; nothing is saved', async () => {
    const res = await send(
      'POST',
      '/api/v1/scenarios',
      'national-analyst',
      scenario('met-patient', { description: PATIENT }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams).toEqual([
      expect.objectContaining({
        name: 'description',
        code: 'freeText.bsn',
        params: { field: 'description' },
      }),
    ]);
    expect((await app.inject('/api/v1/scenarios/met-patient')).statusCode).toBe(404);
  });

  it.each([
    ['name', 'Voor dhr. Bakker'],
    ['description', 'geboren 3-4-1938'],
  ])('a scenario %s like "%s" is refused', async (field, text) => {
    const res = await send(
      'POST',
      '/api/v1/scenarios',
      'regisseur',
      scenario(`geweigerd-${field}`, { [field]: text }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams[0].name).toBe(field);
  });

  it('a note inside the parameters is free text too', async () => {
    const parameters = structuredClone(definition.parameters) as Record<string, { note?: string }>;
    const first = Object.keys(parameters)[0]!;
    parameters[first] = { ...parameters[first], note: 'navraag bij mevr. De Vries' };
    const res = await send(
      'POST',
      '/api/v1/scenarios',
      'national-analyst',
      scenario('met-notitie', { parameters }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().invalidParams[0]).toMatchObject({
      name: `parameters.${first}.note`,
      code: 'freeText.personName',
    });
  });

  it('ordinary text is saved', async () => {
    const res = await send(
      'POST',
      '/api/v1/scenarios',
      'national-analyst',
      scenario('gewoon', { description: 'Kortere ligduur vanaf 01-01-2026, CBS 2025-12-15' }),
    );
    expect(res.statusCode).toBe(201);
  });

  it('a token label, an account name, a hospice name and address are screened', async () => {
    const token = await send('POST', `/api/v1/hospices/${hospiceId}/tokens`, 'hospice-editor', {
      label: 'kassa 123.456.782',
    });
    expect(token.statusCode).toBe(422);
    expect(token.json().invalidParams[0]).toMatchObject({ name: 'label', code: 'freeText.bsn' });
    const newUser = (email: string, name: string) =>
      send('POST', '/api/v1/users', 'administrator', {
        email,
        name,
        password: 'een-lang-wachtwoord',
        roles: [{ role: 'hospice-editor', scope: hospiceId }],
      });
    const user = await newUser('nieuw-account@test.palliamonitor.nl', 'Piet, geb. 12-05-1950');
    expect(user.statusCode).toBe(422);
    expect(user.json().invalidParams[0]).toMatchObject({
      name: 'name',
      code: 'freeText.birthDate',
    });
    const hospice = await send('PATCH', `/api/v1/hospices/${hospiceId}`, 'hospice-editor', {
      streetAddress: 'Kamer 3, mevrouw Jansen',
    });
    expect(hospice.statusCode).toBe(422);
    expect(hospice.json().invalidParams[0]).toMatchObject({
      name: 'streetAddress',
      code: 'freeText.personName',
    });
    // A staff member's own name is what the name field is for.
    const staff = await newUser('dhr-smit@test.palliamonitor.nl', 'Dhr. J. Smit');
    expect(staff.statusCode).toBe(201);
  });

  it('a hospice CSV row with a BSN is refused with its line and column', async () => {
    const csv =
      'ref,name,place,gemeente_code,type,licensed_beds,street_address\n' +
      'vt-1,Hospice Een,Utrecht,GM0344,bth,4,Kerkstraat 1\n' +
      'vt-2,Hospice Twee,Utrecht,GM0344,bth,4,BSN 111222333\n';
    const error = await importHospiceCsv(store.db, csv, { actor: 'test', now }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([
      expect.objectContaining({ line: 3, field: 'street_address', code: 'freeText.bsn' }),
    ]);
  });
});

describe(`who saves scenarios (${storeName})`, () => {
  it.each([
    ['national-analyst', 201],
    ['regisseur', 201],
    ['administrator', 201],
    ['care-professional', 403],
    ['hospice-editor', 403],
    ['anonymous', 401],
  ])('%s → %i', async (actor, status) => {
    const res = await send('POST', '/api/v1/scenarios', actor, scenario(`rol-${actor}`));
    expect(res.statusCode).toBe(status);
  });

  it('text saved before screening is withheld from every reader', async () => {
    const old = scenario('van-voor-de-controle', { description: PATIENT });
    await store.db
      .insertInto('scenario')
      .values({
        id: old.id,
        name: old.name,
        version: 1,
        definition: JSON.stringify(old),
        based_on: null,
        created_at: now.toISOString(),
        created_by: 'user:zorgverlener@example.org',
      })
      .execute();
    const one = (await app.inject('/api/v1/scenarios/van-voor-de-controle')).json();
    const list = (await app.inject('/api/v1/scenarios')).body;
    for (const text of [JSON.stringify(one), list]) {
      expect(text).not.toContain('123456782');
      expect(text).not.toContain('Jansen');
    }
    expect(one.description).toBe('[afgeschermd: mogelijk persoonsgegevens]');
    expect(one.name).toBe('Variant van-voor-de-controle');
  });
});
