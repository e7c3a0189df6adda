import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE } from '@palliamonitor/model';
import { AppError, findHospiceIdByRef, importHospiceCsv } from '@palliamonitor/data';
import type { LightMyRequestResponse as Response } from 'fastify';
import { storeName } from '../../data/test/test-store';
import { openWriteFixture, RETURNS_HEADER as HEADER, type WriteFixture } from './returns-fixtures';

// Input that used to end in a 500 (text PostgreSQL cannot hold, a month before year 1, a cookie
// that is not URI-encoded, two requests creating the same thing at once), and files that are not
// UTF-8, which used to be stored with replacement characters.

const clock = new Date('2026-03-15T10:00:00Z');

let fixture: WriteFixture;
let hospiceA: string;

beforeAll(async () => {
  fixture = await openWriteFixture(
    ['inp-a,Hospice Invoer A,Utrecht,GM0344,bth,6,2015-01-01'],
    clock,
  );
  hospiceA = fixture.ids['inp-a']!;
});
afterAll(() => fixture.close());

const as: WriteFixture['as'] = (actor, options) => fixture.as(actor, options);
const uploadReturns: WriteFixture['uploadReturns'] = (actor, file) =>
  fixture.uploadReturns(actor, file);

const countRows = async (table: 'audit_log' | 'api_token' | 'app_user' | 'scenario') =>
  Number(
    (
      await fixture.store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const scenario = (id: string, description = 'test') => ({
  ...structuredClone(BASELINE),
  id,
  name: `Scenario ${id}`,
  description,
});

describe(`text that cannot be stored (${storeName})`, () => {
  const NUL = 'a\u0000b';
  const HALF = 'gap \ud800';
  const cases: Array<[string, string, string, (text: string) => unknown, string]> = [
    ['a token label', 'POST', '/api/v1/hospices/:a/tokens', (t) => ({ label: t }), 'label'],
    [
      'a user name',
      'POST',
      '/api/v1/users',
      (t) => ({
        email: `naam-${t.length}-${t.codePointAt(1)}@test.palliamonitor.nl`,
        name: t,
        password: 'een lang genoeg wachtwoord',
        roles: [],
      }),
      'name',
    ],
    [
      'a scenario description',
      'POST',
      '/api/v1/scenarios',
      (t) => scenario('tekst', t),
      'description',
    ],
    [
      'a hospice street',
      'PATCH',
      '/api/v1/hospices/:a',
      (t) => ({ streetAddress: t }),
      'streetAddress',
    ],
    ['a hospice place', 'PATCH', '/api/v1/hospices/:a', (t) => ({ place: t }), 'place'],
  ];
  for (const [what, method, url, body, field] of cases) {
    for (const [kind, text, code] of [
      ['NUL', NUL, 'text.nulCharacter'],
      ['lone surrogate', HALF, 'text.loneSurrogate'],
    ] as const) {
      it(`a ${kind} in ${what} is refused with 400 naming ${field}, storing nothing`, async () => {
        const audit = await countRows('audit_log');
        const res = await as('administrator', {
          method,
          url: url.replace(':a', hospiceA),
          payload: body(text),
        });
        expect(res.statusCode, res.body).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().invalidParams).toEqual([expect.objectContaining({ name: field, code })]);
        expect(await countRows('audit_log')).toBe(audit);
      });
    }
  }

  it('an upload without a file is refused with 400', async () => {
    const res = await as('administrator', { method: 'POST', url: '/api/v1/returns', payload: '' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().invalidParams).toEqual([
      expect.objectContaining({ name: 'body', code: 'csv.fileRequired' }),
    ]);
  });

  it('a NUL in a returns-CSV cell is refused with its line and column', async () => {
    const csv = await uploadReturns('administrator', [`inp-a,2026-01,2,1,1,0,0,2,30,0,0,5\u0000`]);
    expect(csv.statusCode, csv.body).toBe(422);
    expect(csv.json().invalidParams).toEqual([
      expect.objectContaining({
        line: 2,
        name: 'length_of_stay_days_total',
        code: 'text.nulCharacter',
      }),
    ]);
  });

  it('month 0000-01 is refused with 400, as a path and as a CSV cell', async () => {
    const res = await as('administrator', {
      method: 'PUT',
      url: `/api/v1/hospices/${hospiceA}/returns/0000-01`,
      payload: {
        occupiedStart: 0,
        admissions: 0,
        departuresDied: 0,
        departuresDischargedHome: 0,
        departuresTransferred: 0,
        occupiedEnd: 0,
        bedDays: 0,
        refusals: 0,
      },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().invalidParams).toEqual([expect.objectContaining({ name: 'month' })]);
    const csv = await uploadReturns('administrator', ['inp-a,0000-01,0,0,0,0,0,0,0,0,,']);
    expect(csv.statusCode, csv.body).toBe(422);
    expect(csv.json().invalidParams).toEqual([
      expect.objectContaining({ line: 2, name: 'month', code: 'csv.notAMonth' }),
    ]);
  });
});

describe(`a malformed session cookie (${storeName})`, () => {
  for (const url of ['/api/v1/health', '/api/v1/auth/me', '/api/v1/hospices', '/']) {
    it(`pm_session=% is no cookie at ${url}`, async () => {
      const [first, second] = await Promise.all(
        [0, 1].map(() =>
          fixture.app.inject({ url, headers: { cookie: 'pm_session=%; other=%E0%A4%A' } }),
        ),
      );
      for (const res of [first!, second!]) {
        expect(res.statusCode, res.body).toBeLessThan(500);
        expect(res.statusCode).not.toBe(400);
      }
    });
  }
  it('a write with it is refused as anonymous (401), not a 500', async () => {
    const res = await fixture.app.inject({
      method: 'PUT',
      url: `/api/v1/hospices/${hospiceA}/waiting-list`,
      headers: { cookie: 'pm_session=%' },
      payload: { size: 1 },
    });
    expect(res.statusCode).toBe(401);
  });
});

/** Of two creations of the same thing, one is made and the other is the ordinary 409. */
function expectOneCreatedOneConflict(answers: Response[], field: string, code: string): void {
  expect(answers.map((r) => r.statusCode).sort(), answers.map((r) => r.body).join('\n')).toEqual([
    201, 409,
  ]);
  expect(answers.find((r) => r.statusCode === 409)!.json().invalidParams).toEqual([
    expect.objectContaining({ name: field, code }),
  ]);
}

describe(`two requests creating the same thing at once (${storeName})`, () => {
  it('POST /scenarios with one id: one 201, one 409 scenario.idTaken', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = `tegelijk-${round}`;
      const answers = await Promise.all(
        [0, 1].map(() =>
          as('national-analyst', {
            method: 'POST',
            url: '/api/v1/scenarios',
            payload: scenario(id),
          }),
        ),
      );
      expectOneCreatedOneConflict(answers, 'id', 'scenario.idTaken');
    }
  });

  it('POST /users with one e-mail address: one 201, one 409 account.emailInUse', async () => {
    for (let round = 0; round < 3; round += 1) {
      const users = await countRows('app_user');
      const answers = await Promise.all(
        ['Eerste', 'Tweede'].map((name) =>
          as('administrator', {
            method: 'POST',
            url: '/api/v1/users',
            payload: {
              email: `tegelijk-${round}@test.palliamonitor.nl`,
              name,
              password: 'een lang genoeg wachtwoord',
              roles: [{ role: 'hospice-editor', scope: hospiceA }],
            },
          }),
        ),
      );
      expectOneCreatedOneConflict(answers, 'email', 'account.emailInUse');
      expect(await countRows('app_user')).toBe(users + 1);
    }
  });
});

describe(`files that are not UTF-8 (${storeName})`, () => {
  // "Hospice Ëiland" saved as Latin-1: Ë is the single byte 0xCB.
  const latin1 = (text: string) => Buffer.from(text, 'latin1');

  it('a Latin-1 returns file is refused with the line and a hint to save as UTF-8', async () => {
    const lines = ['inp-a,2026-01,2,1,1,0,0,2,30,0,0,5', 'Ëiland,2026-01,2,1,1,0,0,2,30,0,0,5'];
    const res = await uploadReturns('administrator', latin1([HEADER, ...lines].join('\n')));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().invalidParams).toEqual([
      expect.objectContaining({ line: 3, code: 'csv.notUtf8' }),
    ]);
    expect(res.json().invalidParams[0].reason).toContain('UTF-8');
  });

  it('a Latin-1 hospice file is refused with the line, and nothing is imported', async () => {
    const file = latin1(
      [
        'ref,name,place,gemeente_code,type,licensed_beds,opened_on',
        'inp-b,Hospice Invoer B,Utrecht,GM0344,bth,4,2015-01-01',
        'inp-c,Hospice Ëiland,Utrecht,GM0344,bth,4,2015-01-01',
      ].join('\n'),
    );
    const error = await importHospiceCsv(fixture.store.db, file, {
      actor: 'test',
      now: clock,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).issues).toEqual([
      expect.objectContaining({ line: 3, code: 'csv.notUtf8' }),
    ]);
    expect(await findHospiceIdByRef(fixture.store.db, 'inp-b')).toBeUndefined();
    // The same file as UTF-8 is imported, Ë and all.
    await importHospiceCsv(fixture.store.db, Buffer.from(file.toString('latin1'), 'utf8'), {
      actor: 'test',
      now: clock,
    });
    expect(await findHospiceIdByRef(fixture.store.db, 'inp-c')).toBeDefined();
  });
});
